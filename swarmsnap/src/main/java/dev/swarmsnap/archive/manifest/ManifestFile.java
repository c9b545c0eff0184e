package dev.swarmsnap.archive.manifest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One file or directory in a backup.
 *
 * @param path relative, {@code /}-separated, under {@code swarm} or {@code api} (for example
 *     {@code swarm/raft/wal-v3-encrypted/0000000000000000-0000000000000000.wal}); no empty, {@code
 *     .} or {@code ..} segments, no control characters or backslashes
 * @param originalLength the length on disk at backup time (64 000 000 for a preallocated WAL)
 * @param storedLength the bytes stored in the archive: all of them, except for WAL segments, which
 *     are cut after their last valid record (docs/swarm-state-format.md §1); a restore appends zeros up
 *     to {@code originalLength}
 * @param sha256 of the stored bytes; present exactly for files
 */
public record ManifestFile(
    @JsonProperty(value = "path", required = true) String path,
    @JsonProperty(value = "kind", required = true) FileKind kind,
    @JsonProperty(value = "mode", required = true) FileMode mode,
    @JsonProperty(value = "uid", required = true) long uid,
    @JsonProperty(value = "gid", required = true) long gid,
    @JsonProperty(value = "original_length", required = true) long originalLength,
    @JsonProperty(value = "stored_length", required = true) long storedLength,
    @JsonProperty("sha256") Optional<Sha256> sha256) {

  private static final Pattern SEGMENT = Pattern.compile("[^/\\\\\\p{Cntrl}]+");
  private static final int MAX_PATH_LENGTH = 4096;

  public ManifestFile {
    requireValidPath(path);
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(mode, "mode");
    sha256 = Objects.requireNonNullElse(sha256, Optional.empty());
    FieldRules.requireOwner(uid, path + ": uid");
    FieldRules.requireOwner(gid, path + ": gid");
    FieldRules.requireLength(originalLength, path + ": original_length");
    FieldRules.requireLength(storedLength, path + ": stored_length");
    if (kind == FileKind.DIRECTORY) {
      if (originalLength != 0 || storedLength != 0 || sha256.isPresent()) {
        throw new IllegalArgumentException(path + ": a directory has no lengths and no sha256");
      }
    } else {
      if (storedLength < 0 || storedLength > originalLength) {
        throw new IllegalArgumentException(
            path + ": stored length " + storedLength + " must be within 0.." + originalLength
                + " (the original length)");
      }
      if (sha256.isEmpty()) {
        throw new IllegalArgumentException(path + ": a file needs its sha256");
      }
    }
  }

  public static ManifestFile directory(String path, FileMode mode, long uid, long gid) {
    return new ManifestFile(path, FileKind.DIRECTORY, mode, uid, gid, 0, 0, Optional.empty());
  }

  public static ManifestFile file(
      String path, FileMode mode, long uid, long gid, long originalLength, long storedLength, Sha256 sha256) {
    return new ManifestFile(
        path, FileKind.FILE, mode, uid, gid, originalLength, storedLength, Optional.of(sha256));
  }

  @JsonIgnore
  public boolean isDirectory() {
    return kind == FileKind.DIRECTORY;
  }

  /** The checks a manifest path must pass; also used on tar entry names before any lookup. */
  public static void requireValidPath(String path) {
    if (path == null || path.isEmpty()) {
      throw new IllegalArgumentException("a manifest path must not be empty");
    }
    if (path.length() > MAX_PATH_LENGTH) {
      throw new IllegalArgumentException("path is longer than " + MAX_PATH_LENGTH + " characters");
    }
    String[] segments = path.split("/", -1);
    if (!segments[0].equals("swarm") && !segments[0].equals("api")) {
      throw new IllegalArgumentException("path '" + path + "' must start with swarm/ or api/");
    }
    for (String segment : segments) {
      if (segment.equals(".") || segment.equals("..") || !SEGMENT.matcher(segment).matches()) {
        throw new IllegalArgumentException(
            "path '" + path + "' has an empty, '.', '..' or non-printable segment");
      }
    }
  }
}
