package dev.swarmsnap.engine.process;

import dev.swarmsnap.engine.EngineControl;
import dev.swarmsnap.engine.EngineControlException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Stops dockerd with SIGTERM to the pid in its pidfile and starts it with a given command line: hosts
 * without an init system, and the lab (whose nodes each have a {@code start.sh}).
 */
public final class PidFileEngineControl implements EngineControl {
  private final DaemonProcess daemon;
  private final StartCommand start;

  public PidFileEngineControl(Path pidFile, String startCommandLine) {
    this.daemon = new DaemonProcess(pidFile);
    this.start = new StartCommand(startCommandLine);
  }

  @Override
  public String describe() {
    return "pid (SIGTERM to the pid in " + daemon.pidFile() + ", start with: " + start.commandLine() + ")";
  }

  @Override
  public void stop(Duration timeout) {
    long pid = daemon.pid().orElseThrow(() -> new EngineControlException(
        "dockerd is not running: no live process in " + daemon.pidFile(),
        "check --pidfile (or SWARMSNAP_PIDFILE) names the running daemon's pidfile"));
    daemon.terminate();
    if (!daemon.awaitExit(pid, timeout)) {
      throw new EngineControlException(
          "dockerd (pid " + pid + ") did not exit within " + timeout.toSeconds() + " s of SIGTERM",
          "look at the daemon's log; it is still running, nothing was copied");
    }
  }

  @Override
  public void start(Duration timeout) {
    start.run(timeout);
  }

  @Override
  public boolean isRunning() {
    return daemon.isRunning();
  }

  @Override
  public String startCommandLine() {
    return start.commandLine();
  }

  @Override
  public String runningCheckCommandLine() {
    return Watchdog.pidAliveCheck(daemon.pidFile());
  }

  @Override
  public Optional<String> killCommandLine() {
    return Optional.of(Watchdog.pidKill(daemon.pidFile()));
  }

  @Override
  public List<String> manualStartInstructions() {
    return List.of(start.commandLine());
  }
}
