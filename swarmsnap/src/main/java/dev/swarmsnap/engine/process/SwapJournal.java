package dev.swarmsnap.engine.process;

import dev.swarmsnap.durable.AtomicFileWriter;
import dev.swarmsnap.durable.DurableFiles;
import dev.swarmsnap.durable.PendingFile;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the swarm directories are while a restore or recover swaps one for another: a small file
 * next to the swarm directory ({@code <swarm dir>.swarmsnap-swap}), written atomically before each
 * rename and removed once the run no longer needs it. A {@link Watchdog} reads it before it starts
 * the engine of a dead run and puts the previous directory back; the next swarmsnap run refuses to
 * work while it exists. Format and rules: docs/architecture.md, "The swap journal".
 *
 * @param command the run that swaps ("restore", "recover"), for messages
 * @param toolPid the swarmsnap process that swaps
 * @param step the rename about to happen or last done: {@code aside}, {@code in}, {@code placed},
 *     {@code undo}
 * @param originalExisted whether there was a swarm directory to move aside
 * @param swarm the swarm directory
 * @param aside where the previous swarm directory goes
 * @param incoming the state that is moved in
 * @param failed where an undo puts the state that was moved in
 */
public record SwapJournal(
    String command, long toolPid, String step, boolean originalExisted, Path swarm, Path aside, Path incoming,
    Path failed) {
  private static final String MAGIC = "swarmsnap-swap-journal 1";

  public SwapJournal {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(step, "step");
    for (Path path : new Path[] {swarm, aside, incoming, failed}) {
      String text = path.toString();
      // The watchdog reads one "key value" line per path with the shell's read.
      if (text.contains("\n") || !text.equals(text.strip())) {
        throw new IllegalArgumentException("a path in the swap journal must be one line without outer blanks: " + text);
      }
    }
  }

  /** The journal of the swarm directory {@code swarmDir}. */
  public static Path fileFor(Path swarmDir) {
    return swarmDir.resolveSibling(swarmDir.getFileName() + ".swarmsnap-swap");
  }

  /** This journal at another step. */
  public SwapJournal at(String newStep) {
    return new SwapJournal(command, toolPid, newStep, originalExisted, swarm, aside, incoming, failed);
  }

  /** Publishes the journal atomically (temp file, fsync, rename, fsync of the directory). */
  public void write() {
    String text = MAGIC + "\n"
        + "command " + command + "\n"
        + "pid " + toolPid + "\n"
        + "step " + step + "\n"
        + "original " + (originalExisted ? "yes" : "no") + "\n"
        + "swarm " + swarm + "\n"
        + "aside " + aside + "\n"
        + "incoming " + incoming + "\n"
        + "failed " + failed + "\n";
    try (PendingFile file = new AtomicFileWriter().create(fileFor(swarm), AtomicFileWriter.OWNER_ONLY)) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      file.write(bytes, 0, bytes.length);
      file.commit();
    }
  }

  /** Removes the journal of {@code swarmDir}: the swap is done with, either way. */
  public static void remove(Path swarmDir) {
    try {
      if (Files.deleteIfExists(fileFor(swarmDir))) {
        new DurableFiles().syncDirectory(swarmDir.getParent());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + fileFor(swarmDir), e);
    }
  }

  /** The journal left next to {@code swarmDir}, if any. */
  public static Optional<SwapJournal> find(Path swarmDir) {
    Path file = fileFor(swarmDir);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    Map<String, String> fields = new HashMap<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int space = line.indexOf(' ');
        if (space > 0) {
          fields.put(line.substring(0, space), line.substring(space + 1));
        }
      }
    } catch (IOException e) {
      throw new SwarmsnapException(ExitCode.UNSAFE, "cannot read the swap journal " + file + ": " + e.getMessage(),
          "a restore or recover was interrupted here; look at " + swarmDir.getParent() + " before going on", e);
    }
    try {
      return Optional.of(new SwapJournal(fields.getOrDefault("command", "?"),
          Long.parseLong(fields.getOrDefault("pid", "0")), fields.getOrDefault("step", "?"),
          "yes".equals(fields.get("original")), Path.of(fields.get("swarm")), Path.of(fields.get("aside")),
          Path.of(fields.get("incoming")), Path.of(fields.get("failed"))));
    } catch (RuntimeException e) {
      throw new SwarmsnapException(ExitCode.UNSAFE, "the swap journal " + file + " is damaged",
          "a restore or recover was interrupted here; look at " + swarmDir.getParent() + " before going on", e);
    }
  }

  /**
   * Refuses to go on while a journal is left next to {@code swarmDir}: a restore or recover died
   * in the middle and neither it nor its watchdog could finish. Says what is where and what to do.
   */
  public static void refuseIfPresent(Path swarmDir) {
    find(swarmDir).ifPresent(journal -> {
      throw new SwarmsnapException(ExitCode.UNSAFE,
          "an interrupted " + journal.command() + " (pid " + journal.toolPid() + ") left " + fileFor(swarmDir) + ": "
              + journal.whereThingsAre(),
          journal.whatToDo());
    });
  }

  /** What is where now, judged from the directories themselves (renames are atomic). */
  String whereThingsAre() {
    boolean swarmThere = Files.exists(swarm);
    boolean asideThere = Files.exists(aside);
    boolean incomingThere = Files.exists(incoming);
    if (asideThere && !swarmThere) {
      return "the previous swarm directory is at " + aside + " and none is in place";
    }
    if (asideThere) {
      return swarm + " holds the state the " + command + " put in place; the previous one is at " + aside;
    }
    if (!originalExisted && swarmThere && !incomingThere) {
      return swarm + " holds the state the " + command + " put in place; there was none before";
    }
    return swarm + " is the previous swarm directory, never moved" + (incomingThere ? "; the new state is still at " + incoming : "");
  }

  /** The commands that put the previous state back, or end the journal if the new state is wanted. */
  String whatToDo() {
    boolean swarmThere = Files.exists(swarm);
    if (Files.exists(aside)) {
      String back = (swarmThere ? "mv " + swarm + " " + failed + " && " : "") + "mv " + aside + " " + swarm;
      return "to go back: stop the engine, run '" + back + "', start it, then remove " + fileFor(swarm)
          + (swarmThere ? "; to keep the new state, just remove " + fileFor(swarm) : "");
    }
    return "nothing needs moving back: check that the engine runs, then remove " + fileFor(swarm);
  }
}
