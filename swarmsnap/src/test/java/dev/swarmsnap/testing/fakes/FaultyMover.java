package dev.swarmsnap.testing.fakes;

import dev.swarmsnap.core.replace.SwarmDirectorySwap;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link SwarmDirectorySwap.Mover} that renames for real and fails on command: the Nth rename
 * throws (a read-only parent, another filesystem: running as root, tests cannot make the kernel
 * refuse), or the tool "dies" just before it ({@link ToolKilled}). Records every rename done.
 */
public final class FaultyMover implements SwarmDirectorySwap.Mover {
  private final List<String> done = new ArrayList<>();
  private int failing = -1;
  private int killing = -1;
  private int attempts;

  /** The {@code n}th rename (1-based) fails with the kernel's message for a read-only filesystem. */
  public FaultyMover failOn(int n) {
    failing = n;
    return this;
  }

  /** The tool dies just before the {@code n}th rename (1-based). */
  public FaultyMover killBefore(int n) {
    killing = n;
    return this;
  }

  /** The renames done, {@code from -> to}. */
  public List<String> done() {
    return List.copyOf(done);
  }

  @Override
  public void move(java.nio.file.Path from, java.nio.file.Path to) throws IOException {
    attempts++;
    if (attempts == killing) {
      throw new ToolKilled("killed before renaming " + from + " to " + to);
    }
    if (attempts == failing) {
      throw new java.nio.file.FileSystemException(from.toString(), to.toString(), "Read-only file system");
    }
    SwarmDirectorySwap.ATOMIC_RENAME.move(from, to);
    done.add(from.getFileName() + " -> " + to.getFileName());
  }
}
