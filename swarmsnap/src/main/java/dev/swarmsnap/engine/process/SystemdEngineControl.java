package dev.swarmsnap.engine.process;

import dev.swarmsnap.shell.ShellCommand;
import dev.swarmsnap.engine.EngineControl;
import dev.swarmsnap.engine.EngineControlException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * dockerd under systemd. Stops {@code docker.socket} with {@code docker.service}: with the socket
 * left active, any API request during the copy would start the engine again behind our back. Starts
 * {@code containerd.service} first when it is a separate unit that is not running.
 */
public final class SystemdEngineControl implements EngineControl {
  private static final String STOP = "systemctl stop docker.socket docker.service";
  private static final String START = "systemctl start docker.socket docker.service";
  private static final String IS_ACTIVE = "systemctl is-active --quiet docker.service";
  // is-active is false while the unit is "deactivating": its dockerd still shuts down then.
  private static final String HAS_PROCESS =
      "case \"$(systemctl is-active docker.service)\" in active|activating|deactivating|reloading|refreshing) exit 0;; esac; exit 1";
  private static final String START_CONTAINERD =
      "if systemctl cat containerd.service >/dev/null 2>&1; then systemctl start containerd.service; fi";
  private final ShellCommand shell = new ShellCommand();

  @Override
  public String describe() {
    return "systemd (docker.socket, docker.service; containerd.service when separate)";
  }

  @Override
  public void stop(Duration timeout) {
    ShellCommand.Result result = shell.sh(STOP, timeout);
    if (!result.succeeded() || isRunning()) {
      throw new EngineControlException(
          "systemd did not stop docker.service: " + result.tail(),
          "check 'systemctl status docker.service'; nothing was copied");
    }
  }

  @Override
  public void start(Duration timeout) {
    ShellCommand.Result result = shell.sh(startCommandLine(), timeout);
    if (!result.succeeded()) {
      throw new EngineControlException(
          "systemd could not start docker.service: " + result.tail(),
          "start it by hand: " + START + "; then see 'journalctl -u docker.service'");
    }
  }

  @Override
  public boolean isRunning() {
    return shell.sh(IS_ACTIVE, Duration.ofSeconds(10)).succeeded();
  }

  @Override
  public String startCommandLine() {
    return START_CONTAINERD + "; " + START;
  }

  @Override
  public String runningCheckCommandLine() {
    return HAS_PROCESS;
  }

  /** docker.service is {@code Type=notify}: {@code active} means dockerd said it serves. */
  @Override
  public Optional<String> readyCheckCommandLine() {
    return Optional.of(IS_ACTIVE);
  }

  @Override
  public List<String> manualStartInstructions() {
    return List.of(START);
  }
}
