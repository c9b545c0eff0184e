package dev.swarmsnap.core.backup;

import dev.swarmsnap.shell.ShellCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Lowers the CPU and I/O priority of this process, and of no other, so that a hot backup's own work
 * (zstd, verification) yields to the running engine: on two cores it otherwise slowed the engine's
 * API (docs/benchmarks.md, "Hot backup"). Linux applies both priorities per thread, so every thread
 * listed in {@code /proc/self/task} is changed; threads created afterwards inherit from their creator.
 * Missing tools or a refusal cost a one-line warning, never the backup.
 */
public final class OwnPriority {
  /** How our process should compete with the engine for CPU and disk. */
  public enum Level {
    /** nice 19, best-effort I/O class at its lowest level 7: the engine goes first. */
    LOW,
    /** Leave the priority as inherited. */
    NORMAL
  }

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final ShellCommand shell;
  private final Path taskDir;

  public OwnPriority(ShellCommand shell) {
    this(shell, Path.of("/proc/self/task"));
  }

  /** With {@code taskDir} standing for {@code /proc/self/task} (tests). */
  OwnPriority(ShellCommand shell, Path taskDir) {
    this.shell = shell;
    this.taskDir = taskDir;
  }

  /**
   * Applies {@code level} to every thread of ours; {@code warn} gets one line per failure.
   *
   * @return whether our priority was lowered (false for {@link Level#NORMAL} or on a failure)
   */
  public boolean apply(Level level, Consumer<String> warn) {
    if (level == Level.NORMAL) {
      return false;
    }
    List<Long> threads = threadIds();
    if (threads.isEmpty()) {
      warn.accept("swarmsnap: warning: cannot list our own threads in " + taskDir
          + ", so the backup runs at normal priority; it may slow the engine's API meanwhile");
      return false;
    }
    boolean lowered = true;
    for (List<String> argv : commands(threads)) {
      ShellCommand.Result result = shell.run(argv, TIMEOUT);
      if (!result.succeeded()) {
        warn.accept("swarmsnap: warning: could not lower our own priority with " + argv.get(0)
            + (result.timedOut() ? " (timed out)" : " (exit code " + result.exitCode() + ")")
            + "; the backup goes on, but may slow the engine's API meanwhile");
        lowered = false;
      }
    }
    return lowered;
  }

  /** The ids of our threads (the names of the entries of the task directory), ascending. */
  List<Long> threadIds() {
    try (Stream<Path> entries = Files.list(taskDir)) {
      return entries.map(p -> p.getFileName().toString())
          .filter(name -> name.matches("\\d{1,10}"))
          .map(Long::valueOf)
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** The commands that put {@code threads} at nice 19 and best-effort I/O level 7. */
  static List<List<String>> commands(List<Long> threads) {
    List<String> ids = threads.stream().map(String::valueOf).toList();
    List<String> renice = Stream.concat(Stream.of("renice", "-n", "19", "-p"), ids.stream()).toList();
    List<String> ionice = Stream.concat(Stream.of("ionice", "-c", "2", "-n", "7", "-p"), ids.stream()).toList();
    return List.of(renice, ionice);
  }
}
