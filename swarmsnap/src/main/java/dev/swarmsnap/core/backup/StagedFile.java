package dev.swarmsnap.core.backup;

import java.util.Objects;

/**
 * One file (or directory) copied out of the swarm directory while the engine was stopped.
 *
 * @param path the path in the archive and below staging: {@code swarm/...} or {@code api/...}
 * @param directory a directory entry (no content; lengths 0, no hash)
 * @param mode POSIX permission bits
 * @param originalLength the file's length on disk (a WAL segment: its preallocated 64 MB)
 * @param storedLength bytes copied: for WAL segments only their real data, the rest is zeros
 * @param sha256 lowercase hex SHA-256 of the stored bytes; empty until hashed after the outage
 */
public record StagedFile(
    String path, boolean directory, int mode, int uid, int gid, long originalLength, long storedLength, String sha256) {
  public StagedFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(sha256, "sha256");
    if (storedLength > originalLength) {
      throw new IllegalArgumentException(path + ": stored length above file length");
    }
  }

  public StagedFile withSha256(String hash) {
    return new StagedFile(path, directory, mode, uid, gid, originalLength, storedLength, hash);
  }
}
