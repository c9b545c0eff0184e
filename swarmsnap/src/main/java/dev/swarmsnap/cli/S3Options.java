package dev.swarmsnap.cli;

import dev.swarmsnap.error.BadInputException;
import dev.swarmsnap.repository.BackupRepository;
import dev.swarmsnap.repository.RepositoryLocation;
import dev.swarmsnap.repository.S3Settings;
import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * How to reach an S3-compatible store: {@code --s3-endpoint} (else {@code $AWS_ENDPOINT_URL_S3},
 * {@code $AWS_ENDPOINT_URL}) and {@code --s3-path-style}; credentials and region come from the
 * standard AWS environment and profiles. Opens repositories for the commands that take one.
 */
public final class S3Options {
  @Option(names = "--s3-endpoint", paramLabel = "URL",
      description = "Endpoint of a self-hosted S3-compatible store, e.g. http://minio.internal:9000"
          + " (default: $AWS_ENDPOINT_URL_S3, $AWS_ENDPOINT_URL, else AWS).")
  String endpoint;

  @Option(names = "--s3-path-style",
      description = "Address buckets as http://host/bucket rather than http://bucket.host (most self-hosted stores).")
  boolean pathStyle;

  /** Opens the repository at {@code location} ({@code /path}, {@code file:///path} or {@code s3://bucket/prefix}). */
  public BackupRepository open(CliContext context, String location) {
    return repositories(context).open(RepositoryLocation.parse(location));
  }

  private Repositories repositories(CliContext context) {
    Optional<URI> uri = Optional.ofNullable(endpoint)
        .or(() -> context.env("AWS_ENDPOINT_URL_S3"))
        .or(() -> context.env("AWS_ENDPOINT_URL"))
        .map(S3Options::uri);
    return new Repositories(new S3Settings(uri, pathStyle, context.environment()), context.clock(), VersionProvider.version());
  }

  private static URI uri(String text) {
    try {
      URI uri = URI.create(text);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new IllegalArgumentException("no scheme or host");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new BadInputException("'" + text + "' is not an endpoint URL: " + e.getMessage(),
          "give --s3-endpoint like http://host:9000");
    }
  }
}
