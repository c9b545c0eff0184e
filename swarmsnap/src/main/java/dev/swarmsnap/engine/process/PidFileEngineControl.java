package dev.swarmsnap.engine.process;

import dev.swarmsnap.shell.ShellCommand;
import dev.swarmsnap.engine.EngineControl;
import dev.swarmsnap.engine.EngineControlException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Stops dockerd with SIGTERM to the pid in its pidfile and starts it with a given command line: hosts
 * without an init system, and the lab (whose nodes each have a {@code start.sh}).
 */
public final class PidFileEngineControl implements EngineControl {
  private final DaemonProcess daemon;
  private final String startCommandLine;
  private final ShellCommand shell = new ShellCommand();

  public PidFileEngineControl(Path pidFile, String startCommandLine) {
    this.daemon = new DaemonProcess(pidFile);
    this.startCommandLine = startCommandLine;
  }

  @Override
  public String describe() {
    return "pid (SIGTERM to the pid in " + daemon.pidFile() + ", start with: " + startCommandLine + ")";
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
    ShellCommand.Result result = shell.sh(startCommandLine, timeout);
    if (!result.succeeded()) {
      throw new EngineControlException(
          "the start command failed" + (result.timedOut() ? " (timed out)" : " (exit " + result.exitCode() + ")")
              + ": " + result.tail(),
          "start the engine by hand: " + startCommandLine);
    }
  }

  @Override
  public boolean isRunning() {
    return daemon.isRunning();
  }

  @Override
  public String startCommandLine() {
    return startCommandLine;
  }

  @Override
  public String runningCheckCommandLine() {
    return Watchdog.pidAliveCheck(daemon.pidFile());
  }

  @Override
  public List<String> manualStartInstructions() {
    return List.of(startCommandLine);
  }
}
