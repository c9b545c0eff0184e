package dev.swarmsnap.durable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

/**
 * A private (0700) directory {@code .<name>.staging-<random>} created beside a target, on the same
 * filesystem so its content can later be renamed into place. {@link #close()} removes it and
 * everything in it with {@link TreeRemover}; {@link #keep()} hands it over instead. Not thread-safe.
 */
public final class StagingDirectory implements AutoCloseable {
  private final Path path;
  private final TreeRemover remover;
  private boolean kept;

  private StagingDirectory(Path path, TreeRemover remover) {
    this.path = path;
    this.remover = remover;
  }

  /**
   * Creates the staging directory next to {@code target} (which need not exist).
   *
   * @throws DurableWriteException if the target's directory is missing or not writable
   */
  public static StagingDirectory createNextTo(Path target) {
    Path absolute = target.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    if (parent == null || absolute.getFileName() == null) {
      throw new DurableWriteException(
          "cannot stage next to " + target + ": it has no parent directory", "give another path", null);
    }
    String random = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Path staging = parent.resolve("." + absolute.getFileName() + ".staging-" + random);
    try {
      Files.createDirectory(
          staging, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      // The umask can only remove bits, but set the mode exactly anyway so it never depends on it.
      Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwx------"));
    } catch (IOException e) {
      throw DurableWriteException.of("creating staging directory", staging, e);
    }
    return new StagingDirectory(staging, new TreeRemover());
  }

  public Path path() {
    return path;
  }

  /** Keeps the directory on {@link #close()}; the caller now owns its removal. */
  public Path keep() {
    kept = true;
    return path;
  }

  /** Removes the directory tree unless {@link #keep()} was called; idempotent. */
  @Override
  public void close() {
    if (!kept) {
      remover.removeTree(path);
    }
  }
}
