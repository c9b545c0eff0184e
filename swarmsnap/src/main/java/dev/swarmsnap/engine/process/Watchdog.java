package dev.swarmsnap.engine.process;

import dev.swarmsnap.engine.EngineControl;
import dev.swarmsnap.engine.EngineControlException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A separate process that starts the engine again if swarmsnap dies while the engine is stopped
 * (even by {@code kill -9}, which skips finally blocks and shutdown hooks) or when the maximum
 * downtime passes. It is a small POSIX shell loop rather than a second JVM: it must start in
 * milliseconds, cost no memory, and depend on nothing that the JVM's death could take with it.
 *
 * <p>Protocol through files in its own directory: {@code ready} (it runs), {@code done} (we
 * restarted the engine: remove the directory and exit quietly), {@code fired} (it had to act),
 * {@code watchdog.log}. When swarmsnap died, it also removes the staging directory it was told of:
 * that holds a copy of the node's keys and nobody else would clean it up.
 */
public final class Watchdog {
  private static final String SCRIPT =
      """
      alive() { s=$(sed 's/.*) //' /proc/$1/stat 2>/dev/null) || return 1
                case "$s" in Z*|X*|"") return 1;; esac; return 0; }
      : > "$SS_DIR/ready"
      while :; do
        [ -e "$SS_DIR/done" ] && { rm -rf "$SS_DIR"; exit 0; }
        if ! alive "$SS_TOOL_PID"; then why="swarmsnap (pid $SS_TOOL_PID) is gone"; dead=1
        elif [ "$(date +%s)" -ge "$SS_DEADLINE" ]; then why="the maximum downtime passed"; dead=0
        else sleep 0.2; continue; fi
        [ -e "$SS_DIR/done" ] && { rm -rf "$SS_DIR"; exit 0; }
        : > "$SS_DIR/fired"
        echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) watchdog: $why while the engine was stopped; starting it" >> "$SS_DIR/watchdog.log"
        if [ "$dead" = 1 ] && [ -n "$SS_CLEANUP" ] && [ -d "$SS_CLEANUP" ]; then
          rm -rf -- "$SS_CLEANUP" && echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) watchdog: removed $SS_CLEANUP" >> "$SS_DIR/watchdog.log"
        fi
        tries=0
        while [ $tries -lt 60 ]; do
          if sh -c "$SS_RUNNING" >/dev/null 2>&1; then
            echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) watchdog: engine is running" >> "$SS_DIR/watchdog.log"; exit 0
          fi
          sh -c "$SS_START" >> "$SS_DIR/watchdog.log" 2>&1
          tries=$((tries + 1)); sleep 1
        done
        echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) watchdog: could not start the engine; run: $SS_START" >> "$SS_DIR/watchdog.log"
        exit 1
      done
      """;

  private final Path dir;

  private Watchdog(Path dir) {
    this.dir = dir;
  }

  /**
   * Starts the watchdog and returns once it runs.
   *
   * @param dir a fresh directory for its files
   * @param deadline when it restarts the engine even though swarmsnap still runs
   * @param cleanupOnDeath a directory to remove if swarmsnap dies first (its staging directory)
   */
  public static Watchdog arm(
      Path dir, EngineControl control, Instant deadline, long toolPid, java.util.Optional<Path> cleanupOnDeath) {
    try {
      Files.createDirectories(dir);
      ProcessBuilder builder = new ProcessBuilder(launcher());
      Map<String, String> env = builder.environment();
      env.put("SS_DIR", dir.toString());
      env.put("SS_TOOL_PID", Long.toString(toolPid));
      env.put("SS_DEADLINE", Long.toString(deadline.getEpochSecond()));
      env.put("SS_START", control.startCommandLine());
      env.put("SS_RUNNING", control.runningCheckCommandLine());
      env.put("SS_CLEANUP", cleanupOnDeath.map(Path::toString).orElse(""));
      builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      builder.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("watchdog.log").toFile()));
      builder.redirectErrorStream(true);
      builder.start();
    } catch (IOException e) {
      throw new EngineControlException(
          "cannot start the watchdog process: " + e.getMessage(),
          "the engine was not stopped; check that 'sh' and 'setsid' exist and " + dir + " is writable", e);
    }
    Watchdog watchdog = new Watchdog(dir);
    watchdog.awaitReady(Duration.ofSeconds(5));
    return watchdog;
  }

  /** Tells the watchdog that the engine is back; it exits without acting. */
  public void disarm() {
    try {
      Files.writeString(dir.resolve("done"), "");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot disarm the watchdog in " + dir, e);
    }
  }

  /** Whether the watchdog had to start the engine itself. */
  public boolean fired() {
    return Files.exists(dir.resolve("fired"));
  }

  public Path directory() {
    return dir;
  }

  /** A shell command line that exits 0 while the process named in {@code pidFile} lives (not a zombie). */
  public static String pidAliveCheck(Path pidFile) {
    String quoted = "'" + pidFile.toString().replace("'", "'\\''") + "'";
    return "p=$(cat " + quoted + " 2>/dev/null) && [ -n \"$p\" ] && s=$(sed 's/.*) //' /proc/$p/stat 2>/dev/null)"
        + " && case \"$s\" in Z*|X*|\"\") exit 1;; esac";
  }

  private static java.util.List<String> launcher() {
    // setsid: a session of its own, so a Ctrl-C or a hang-up aimed at swarmsnap does not reach it.
    boolean hasSetsid = Files.isExecutable(Path.of("/usr/bin/setsid")) || Files.isExecutable(Path.of("/bin/setsid"));
    return hasSetsid ? java.util.List.of("setsid", "sh", "-c", SCRIPT) : java.util.List.of("sh", "-c", SCRIPT);
  }

  private void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!Files.exists(dir.resolve("ready"))) {
      if (System.nanoTime() > deadline) {
        throw new EngineControlException(
            "the watchdog process did not start within " + timeout.toSeconds() + " s",
            "the engine was not stopped; see " + dir.resolve("watchdog.log"));
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new EngineControlException("interrupted while starting the watchdog", "the engine was not stopped");
      }
    }
  }
}
