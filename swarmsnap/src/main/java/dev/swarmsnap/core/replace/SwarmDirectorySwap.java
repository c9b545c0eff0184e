package dev.swarmsnap.core.replace;

import dev.swarmsnap.durable.DurableFiles;
import dev.swarmsnap.engine.process.SwapJournal;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;

/**
 * Puts a restored swarm directory in place by two renames on one filesystem (the old directory
 * aside, the restored one in), and undoes that. The old directory is never deleted. Before each
 * rename a {@link SwapJournal} next to the swarm directory says what is where, so the watchdog of a
 * run killed in between can put the old directory back; {@link #commit()} or {@link #undo()} ends it.
 */
public final class SwarmDirectorySwap {
  /** Renames one directory. The real one is {@link #ATOMIC_RENAME}; tests inject failures. */
  @FunctionalInterface
  public interface Mover {
    void move(Path from, Path to) throws IOException;
  }

  /** {@code rename(2)}: all or nothing, on one filesystem. */
  public static final Mover ATOMIC_RENAME = (from, to) -> Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);

  private final String command;
  private final Path swarmDir;
  private final Path aside;
  private final Path restored;
  private final Path failed;
  private final Mover mover;
  private boolean movedAside;
  private boolean inPlace;

  /**
   * @param command the run that swaps ("restore", "recover"), named in the journal
   * @param restored the state to move in
   * @param failed where {@link #undo()} keeps the state that was moved in
   */
  public SwarmDirectorySwap(String command, Path swarmDir, Path aside, Path restored, Path failed) {
    this(command, swarmDir, aside, restored, failed, ATOMIC_RENAME);
  }

  /** As the five-argument constructor, renaming through {@code mover}. */
  public SwarmDirectorySwap(String command, Path swarmDir, Path aside, Path restored, Path failed, Mover mover) {
    this.swarmDir = swarmDir;
    this.aside = aside;
    this.restored = restored;
    this.failed = failed;
    this.mover = mover;
    this.command = command;
  }

  public void swap() {
    swap(phase -> {});
  }

  /**
   * Both renames, each announced in the journal first.
   *
   * @param phases told {@code swap-aside}, {@code swap-in} and {@code swapped} as each moment is
   *     reached (moments a test may pick to kill the run)
   */
  public void swap(Consumer<String> phases) {
    SwapJournal now = journal("aside");
    now.write();
    phases.accept("swap-aside");
    if (Files.exists(swarmDir)) {
      move(swarmDir, aside);
      movedAside = true;
    }
    now.at("in").write();
    phases.accept("swap-in");
    move(restored, swarmDir);
    inPlace = true;
    now.at("placed").write();
    new DurableFiles().syncDirectory(swarmDir.getParent());
    phases.accept("swapped");
  }

  public boolean movedAside() {
    return movedAside;
  }

  /** The new state is kept: the journal goes, and a watchdog has nothing left to undo. */
  public void commit() {
    SwapJournal.remove(swarmDir);
  }

  /** Puts things back as they were; the restored state is kept at {@code failed} for a look. */
  public String undo() {
    journal("undo").write();
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
    new DurableFiles().syncDirectory(swarmDir.getParent());
    SwapJournal.remove(swarmDir);
    return done.toString();
  }

  private SwapJournal journal(String step) {
    // "original" says whether a swarm directory was there before the swap; during an undo, whether one was moved aside.
    boolean original = step.equals("undo") ? movedAside : Files.exists(swarmDir);
    return new SwapJournal(command, ProcessHandle.current().pid(), step, original, swarmDir, aside, restored, failed);
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
