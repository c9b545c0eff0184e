package dev.swarmsnap.core.replace;

import dev.swarmsnap.durable.DurableFiles;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Puts a restored swarm directory in place by two renames on one filesystem (the old directory
 * aside, the restored one in), and undoes that. The old directory is never deleted.
 */
public final class SwarmDirectorySwap {
  /** Renames one directory. The real one is {@link #ATOMIC_RENAME}; tests inject failures. */
  @FunctionalInterface
  public interface Mover {
    void move(Path from, Path to) throws IOException;
  }

  /** {@code rename(2)}: all or nothing, on one filesystem. */
  public static final Mover ATOMIC_RENAME = (from, to) -> Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);

  private final Path swarmDir;
  private final Path aside;
  private final Path restored;
  private final Path failed;
  private final Mover mover;
  private boolean movedAside;
  private boolean inPlace;

  public SwarmDirectorySwap(Path swarmDir, Path aside, Path restored, Path failed) {
    this(swarmDir, aside, restored, failed, ATOMIC_RENAME);
  }

  /** As the four-path constructor, renaming through {@code mover}. */
  public SwarmDirectorySwap(Path swarmDir, Path aside, Path restored, Path failed, Mover mover) {
    this.swarmDir = swarmDir;
    this.aside = aside;
    this.restored = restored;
    this.failed = failed;
    this.mover = mover;
  }

  public void swap() {
    if (Files.exists(swarmDir)) {
      move(swarmDir, aside);
      movedAside = true;
    }
    move(restored, swarmDir);
    inPlace = true;
    new DurableFiles().syncDirectory(swarmDir.getParent());
  }

  public boolean movedAside() {
    return movedAside;
  }

  /** Puts things back as they were; the restored state is kept at {@code failed} for a look. */
  public String undo() {
    StringBuilder done = new StringBuilder();
    if (inPlace && Files.exists(swarmDir)) {
      move(swarmDir, failed);
      done.append("the restored state was moved to ").append(failed);
      inPlace = false;
    }
    if (movedAside) {
      move(aside, swarmDir);
      done.append(done.length() == 0 ? "" : "; ").append("the previous swarm directory is back at ").append(swarmDir);
      movedAside = false;
    } else if (done.length() == 0 && Files.exists(swarmDir)) {
      // The first rename failed (or never ran): the previous directory never left its place.
      done.append("the swarm directory at ").append(swarmDir).append(" was not changed");
    } else {
      done.append(done.length() == 0 ? "" : "; ").append("there was no swarm directory before, so none is in place");
    }
    return done.toString();
  }

  private void move(Path from, Path to) {
    try {
      mover.move(from, to);
    } catch (IOException e) {
      throw new SwarmsnapException(
          ExitCode.FAILED, "cannot rename " + from + " to " + to + ": " + e.getMessage(),
          "both must be on one filesystem and writable; nothing else was changed by this step", e);
    }
  }
}
