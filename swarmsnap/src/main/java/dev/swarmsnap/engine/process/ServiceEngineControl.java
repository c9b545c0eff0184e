package dev.swarmsnap.engine.process;

import dev.swarmsnap.shell.ShellCommand;
import dev.swarmsnap.engine.EngineControl;
import dev.swarmsnap.engine.EngineControlException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * dockerd under a SysV init script ({@code service docker stop|start}). The script's stop may return
 * before the daemon is gone, so we also wait on the pidfile.
 */
public final class ServiceEngineControl implements EngineControl {
  private static final String STOP = "service docker stop";
  private static final String START = "service docker start";
  private final DaemonProcess daemon;
  private final ShellCommand shell = new ShellCommand();

  public ServiceEngineControl(Path pidFile) {
    this.daemon = new DaemonProcess(pidFile);
  }

  @Override
  public String describe() {
    return "service (SysV init script; pidfile " + daemon.pidFile() + ")";
  }

  @Override
  public void stop(Duration timeout) {
    long pid = daemon.pid().orElse(-1L);
    ShellCommand.Result result = shell.sh(STOP, timeout);
    if (!result.succeeded() || (pid > 0 && !daemon.awaitExit(pid, timeout))) {
      throw new EngineControlException(
          "'" + STOP + "' did not stop dockerd: " + result.tail(), "check 'service docker status'; nothing was copied");
    }
  }

  @Override
  public void start(Duration timeout) {
    ShellCommand.Result result = shell.sh(START, timeout);
    if (!result.succeeded()) {
      throw new EngineControlException("'" + START + "' failed: " + result.tail(), "start it by hand: " + START);
    }
  }

  @Override
  public boolean isRunning() {
    return daemon.isRunning();
  }

  @Override
  public String startCommandLine() {
    return START;
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
    return List.of(START);
  }
}
