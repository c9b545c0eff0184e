package dev.swarmsnap.archive;

import dev.swarmsnap.archive.manifest.Sha256;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A published archive.
 *
 * @param size bytes of the compressed file
 * @param sha256 of the whole compressed file, for repositories to check transfers
 */
public record WrittenArchive(Path path, long size, Sha256 sha256) {
  public WrittenArchive {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(sha256, "sha256");
  }
}
