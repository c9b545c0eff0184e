package dev.swarmsnap.engine.process;

import dev.swarmsnap.shell.ShellCommand;
import dev.swarmsnap.engine.EngineControl;
import dev.swarmsnap.engine.EngineControlException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The user's own stop and start commands (another init system, a wrapper script). The daemon's
 * pidfile tells when it has really exited.
 */
public final class CommandEngineControl implements EngineControl {
  private final String stopCommandLine;
  private final StartCommand start;
  private final DaemonProcess daemon;
  private final ShellCommand shell = new ShellCommand();

  public CommandEngineControl(String stopCommandLine, String startCommandLine, Path pidFile) {
    this.stopCommandLine = stopCommandLine;
    this.start = new StartCommand(startCommandLine);
    this.daemon = new DaemonProcess(pidFile);
  }

  @Override
  public String describe() {
    return "command (stop: " + stopCommandLine + "; start: " + start.commandLine() + "; pidfile " + daemon.pidFile() + ")";
  }

  @Override
  public void stop(Duration timeout) {
    long pid = daemon.pid().orElse(-1L);
    ShellCommand.Result result = shell.sh(stopCommandLine, timeout);
    if (!result.succeeded()) {
      throw new EngineControlException(
          "the stop command failed: " + result.tail(), "check --stop-cmd; nothing was copied");
    }
    if (pid > 0 && !daemon.awaitExit(pid, timeout)) {
      throw new EngineControlException(
          "dockerd (pid " + pid + ") still runs " + timeout.toSeconds() + " s after the stop command",
          "check --stop-cmd really stops dockerd; nothing was copied");
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
