package dev.swarmsnap.repository;

import dev.swarmsnap.error.BadInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/** Where a repository lives, parsed from {@code --repo}: a local directory or an S3 bucket and prefix. */
public sealed interface RepositoryLocation {
  /** A directory on this host (or a mounted filesystem). */
  record Local(Path directory) implements RepositoryLocation {
    public Local {
      directory = directory.toAbsolutePath().normalize();
    }

    @Override
    public String toString() {
      return directory.toString();
    }
  }

  /**
   * A bucket of an S3-compatible store.
   *
   * @param prefix key prefix without leading or trailing slash; empty for the bucket's root
   */
  record S3(String bucket, String prefix) implements RepositoryLocation {
    // S3's bucket naming rules, loosened to what self-hosted stores also accept (no dots-only checks).
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.\\-_]{1,62}");

    public S3 {
      Objects.requireNonNull(prefix, "prefix");
      if (bucket == null || !BUCKET.matcher(bucket).matches()) {
        throw new BadInputException(
            "'" + bucket + "' is not a valid S3 bucket name",
            "use s3://BUCKET/PREFIX with a bucket of 3-63 lowercase letters, digits, '.', '-'");
      }
    }

    /** The full key of an object named {@code name} in this repository. */
    public String key(String name) {
      return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    @Override
    public String toString() {
      return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    }
  }

  /**
   * Parses {@code /path}, a relative path, {@code file:///path} or {@code s3://bucket/prefix}.
   *
   * @throws BadInputException for another scheme or a malformed location
   */
  static RepositoryLocation parse(String text) {
    if (text == null || text.isBlank()) {
      throw new BadInputException("the repository location is empty", "give --repo /path or --repo s3://bucket/prefix");
    }
    if (text.startsWith("s3://")) {
      String rest = text.substring("s3://".length());
      int slash = rest.indexOf('/');
      String bucket = slash < 0 ? rest : rest.substring(0, slash);
      String prefix = slash < 0 ? "" : rest.substring(slash + 1).replaceAll("^/+|/+$", "");
      return new S3(bucket, prefix);
    }
    if (text.startsWith("file:")) {
      try {
        return new Local(Path.of(new URI(text)));
      } catch (URISyntaxException | IllegalArgumentException e) {
        throw new BadInputException("'" + text + "' is not a valid file URI: " + e.getMessage(),
            "use file:///absolute/path or just the path");
      }
    }
    if (text.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*")) {
      throw new BadInputException("repository scheme of '" + text + "' is not supported",
          "use a local path, file:///path or s3://bucket/prefix");
    }
    return new Local(Path.of(text));
  }
}
