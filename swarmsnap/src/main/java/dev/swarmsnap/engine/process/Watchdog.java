package dev.swarmsnap.engine.process;

import dev.swarmsnap.engine.EngineControl;
import dev.swarmsnap.engine.EngineControlException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A separate process that starts the engine again if swarmsnap dies while the engine is stopped
 * (even by {@code kill -9}, which skips finally blocks and shutdown hooks) or when the maximum
 * downtime passes. It is a small POSIX shell loop rather than a second JVM: it must start in
 * milliseconds, cost no memory, and depend on nothing that the JVM's death could take with it.
 *
 * <p>When it fires it never takes "a daemon process is alive" for "the engine runs": a dockerd that
 * was told to stop keeps its pid for seconds while it shuts down. So it waits until a stopping
 * engine has exited (after the stop timeout it ends a hung one with the control's kill command,
 * but only when it can tell hung from healthy through the API), undoes an unfinished swap of the
 * swarm directory ({@link SwapJournal}), starts the engine, and retries until the engine answers:
 * its API socket's {@code _ping} (curl, else the docker CLI), or the control's own readiness check.
 *
 * <p>Protocol through files in its own directory: {@code ready} (it runs), {@code pid} (its pid),
 * {@code stop-issued} and {@code start-issued} (swarmsnap is about to stop or start the engine),
 * {@code done} (the engine answers again: remove the directory and exit quietly), {@code fired}
 * (it had to act), {@code watchdog.log}. When swarmsnap died, it also removes the staging directory
 * it was told of: that holds a copy of the node's keys and nobody else would clean it up. The rules
 * are in docs/architecture.md, "The watchdog".
 */
public final class Watchdog {
  private static final String SCRIPT =
      """
      log() { echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) watchdog: $*" >> "$SS_DIR/watchdog.log"; }
      alive() { s=$(sed 's/.*) //' /proc/$1/stat 2>/dev/null) || return 1
                case "$s" in Z*|X*|"") return 1;; esac; return 0; }
      now() { date +%s; }
      running() { sh -c "$SS_RUNNING" >/dev/null 2>&1; }
      api_ping() {
        if command -v curl >/dev/null 2>&1; then curl -sf -m 5 -o /dev/null --unix-socket "$SS_SOCKET" http://localhost/_ping
        else DOCKER_HOST="unix://$SS_SOCKET" timeout 10 docker version >/dev/null 2>&1; fi; }
      checks_api=0
      if [ -n "$SS_READY" ]; then checks_api=1
      elif [ -n "$SS_SOCKET" ] && { command -v curl || command -v docker; } >/dev/null 2>&1; then checks_api=2; fi
      answers() { case $checks_api in 1) sh -c "$SS_READY" >/dev/null 2>&1;; 2) api_ping;; *) running;; esac; }
      journal() { sed -n "s/^$1 //p" "$SS_JOURNAL" | head -n 1; }
      swap_unfinished() { [ -n "$SS_JOURNAL" ] && [ -e "$SS_JOURNAL" ] && case "$(journal step)" in aside|in|undo) true;; *) false;; esac; }
      move() { [ -e "$2" ] && { log "cannot move $1 back: $2 exists"; return 1; }
               mv -- "$1" "$2" && log "moved $1 to $2"; }
      undo_swap() {
        swarm=$(journal swarm); aside=$(journal aside); incoming=$(journal incoming); failed=$(journal failed)
        if [ -z "$swarm" ] || [ -z "$aside" ]; then log "the swap journal $SS_JOURNAL is damaged; left as it is"; return; fi
        if [ -e "$aside" ]; then
          if [ -e "$swarm" ]; then move "$swarm" "$failed" || return; fi
          move "$aside" "$swarm" || return
          log "the previous swarm directory is back at $swarm"
        elif [ "$(journal original)" = no ] && [ -e "$swarm" ] && [ ! -e "$incoming" ]; then
          move "$swarm" "$failed" || return
          log "there was no swarm directory before; none is in place"
        else
          log "the swarm directory was not moved; nothing to undo"
        fi
        sync; rm -f -- "$SS_JOURNAL"; sync
      }
      await_exit() {
        since=$(now); answered=0
        while running; do
          if [ $checks_api != 0 ] && answers; then
            answered=$((answered + 1))
            [ $answered -ge 10 ] && { log "the engine answers: it is not stopping"; return; }
          else answered=0; fi
          if [ $(( $(now) - since )) -ge "$SS_STOP_TIMEOUT" ]; then
            if [ -n "$SS_KILL" ] && [ $checks_api != 0 ]; then
              log "the engine has not exited $SS_STOP_TIMEOUT s after the stop; ending it (SIGKILL)"
              sh -c "$SS_KILL" >> "$SS_DIR/watchdog.log" 2>&1
              n=0; while running && [ $n -lt 100 ]; do sleep 0.1; n=$((n + 1)); done
            else
              log "the engine has not exited $SS_STOP_TIMEOUT s after the stop; starting it anyway (its init system ends it)"
            fi
            return
          fi
          sleep 0.2
        done
        log "the engine has exited"
      }
      bring_up() {
        # A start swarmsnap issued may still be launching the daemon: give it a moment before a second one.
        if [ -e "$SS_DIR/start-issued" ]; then n=0; while ! running && [ $n -lt 25 ]; do sleep 0.2; n=$((n + 1)); done; fi
        tries=0; started=$(now)
        while :; do
          if answers; then log "engine is running and answers"; exit 0; fi
          if ! running; then
            [ $tries -ge 10 ] && break
            tries=$((tries + 1)); started=$(now)
            log "starting the engine (attempt $tries)"
            sh -c "$SS_START" >> "$SS_DIR/watchdog.log" 2>&1 || log "the start command failed (exit $?)"
          elif [ $(( $(now) - started )) -ge $(( SS_START_TIMEOUT * 3 )) ]; then
            log "the engine runs but has not answered for $(( $(now) - started )) s; look at its log"; exit 1
          fi
          sleep 0.5
        done
        log "could not start the engine; run: $SS_START"; exit 1
      }
      echo $$ > "$SS_DIR/pid.new" && mv -f "$SS_DIR/pid.new" "$SS_DIR/pid"
      : > "$SS_DIR/ready"
      while :; do
        [ -e "$SS_DIR/done" ] && { rm -rf "$SS_DIR"; exit 0; }
        if ! alive "$SS_TOOL_PID"; then why="swarmsnap (pid $SS_TOOL_PID) is gone"; dead=1; break
        elif [ "$(now)" -ge "$SS_DEADLINE" ] && ! swap_unfinished; then why="the maximum downtime passed"; dead=0; break; fi
        sleep 0.2
      done
      [ -e "$SS_DIR/done" ] && { rm -rf "$SS_DIR"; exit 0; }
      : > "$SS_DIR/fired"
      log "$why while the engine was stopped; starting it"
      if [ -e "$SS_DIR/stop-issued" ] && [ ! -e "$SS_DIR/start-issued" ]; then await_exit; fi
      if [ "$dead" = 1 ] && [ -n "$SS_JOURNAL" ] && [ -e "$SS_JOURNAL" ]; then
        # Once swarmsnap has issued the start, a daemon may be starting on the new state even before
        # its pidfile shows it: the directories are no longer ours to move.
        if [ -e "$SS_DIR/start-issued" ] || running; then
          log "swarmsnap had started the engine on the state it put in place; that stays, $SS_JOURNAL is left for the next run"
        else undo_swap; fi
      fi
      if [ "$dead" = 1 ] && [ -n "$SS_CLEANUP" ] && [ -d "$SS_CLEANUP" ]; then
        rm -rf -- "$SS_CLEANUP" && log "removed $SS_CLEANUP"
      fi
      bring_up
      """;

  private final Path dir;

  private Watchdog(Path dir) {
    this.dir = dir;
  }

  /**
   * Starts the watchdog and returns once it runs.
   *
   * @param dir a fresh directory for its files
   * @param deadline when it starts the engine even though swarmsnap still runs
   */
  public static Watchdog arm(Path dir, EngineControl control, OutageSettings settings, Instant deadline, long toolPid) {
    try {
      Files.createDirectories(dir);
      ProcessBuilder builder = new ProcessBuilder(launcher());
      Map<String, String> env = builder.environment();
      env.put("SS_DIR", dir.toString());
      env.put("SS_TOOL_PID", Long.toString(toolPid));
      env.put("SS_DEADLINE", Long.toString(deadline.getEpochSecond()));
      env.put("SS_START", control.startCommandLine());
      env.put("SS_RUNNING", control.runningCheckCommandLine());
      env.put("SS_READY", control.readyCheckCommandLine().orElse(""));
      env.put("SS_KILL", control.killCommandLine().orElse(""));
      env.put("SS_SOCKET", settings.apiSocket().map(Path::toString).orElse(""));
      env.put("SS_STOP_TIMEOUT", Long.toString(Math.max(1, settings.stopTimeout().toSeconds())));
      env.put("SS_START_TIMEOUT", Long.toString(Math.max(1, settings.startTimeout().toSeconds())));
      env.put("SS_CLEANUP", settings.cleanupOnDeath().map(Path::toString).orElse(""));
      env.put("SS_JOURNAL", settings.swapJournal().map(Path::toString).orElse(""));
      builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
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

  /** Tells the watchdog what swarmsnap is about to do: {@code stop-issued} or {@code start-issued}. */
  void mark(String marker) {
    try {
      Files.writeString(dir.resolve(marker), "");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + marker + " in the watchdog directory " + dir, e);
    }
  }

  /** Tells the watchdog that the engine is back; it exits without acting. */
  public void disarm() {
    mark("done");
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
    return "p=$(cat " + quoted(pidFile) + " 2>/dev/null) && [ -n \"$p\" ] && s=$(sed 's/.*) //' /proc/$p/stat 2>/dev/null)"
        + " && case \"$s\" in Z*|X*|\"\") exit 1;; esac";
  }

  /** A shell command line that sends SIGKILL to the process named in {@code pidFile}. */
  public static String pidKill(Path pidFile) {
    return "p=$(cat " + quoted(pidFile) + " 2>/dev/null) && [ -n \"$p\" ] && kill -KILL \"$p\"";
  }

  private static String quoted(Path path) {
    return "'" + path.toString().replace("'", "'\\''") + "'";
  }

  private static List<String> launcher() {
    // setsid: a session of its own, so a Ctrl-C or a hang-up aimed at swarmsnap does not reach it.
    boolean hasSetsid = Files.isExecutable(Path.of("/usr/bin/setsid")) || Files.isExecutable(Path.of("/bin/setsid"));
    return hasSetsid ? List.of("setsid", "sh", "-c", SCRIPT) : List.of("sh", "-c", SCRIPT);
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
