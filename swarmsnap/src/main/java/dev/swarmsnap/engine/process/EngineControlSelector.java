package dev.swarmsnap.engine.process;

import dev.swarmsnap.shell.ShellCommand;
import dev.swarmsnap.engine.EngineControl;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Picks the {@link EngineControl} for this host. {@code auto} prefers what the user configured
 * (start command: pid mode; stop and start commands: command mode), then systemd when it runs and
 * knows {@code docker.service}, then a SysV init script.
 */
public final class EngineControlSelector {
  private final ShellCommand shell = new ShellCommand();

  /** The chosen control and why, for the user. */
  public record Selected(EngineControl control, String why) {}

  public Selected select(ControlRequest request) {
    return switch (request.mode()) {
      case PID -> new Selected(pid(request), "engine control 'pid' as requested");
      case COMMAND -> new Selected(command(request), "engine control 'command' as requested");
      case SYSTEMD -> new Selected(new SystemdEngineControl(), "engine control 'systemd' as requested");
      case SERVICE -> new Selected(new ServiceEngineControl(request.pidFile()), "engine control 'service' as requested");
      case AUTO -> auto(request);
    };
  }

  private Selected auto(ControlRequest request) {
    if (request.startCommand().isPresent() && request.stopCommand().isPresent()) {
      return new Selected(command(request), "auto: stop and start commands were given");
    }
    if (request.startCommand().isPresent()) {
      return new Selected(pid(request), "auto: a start command was given, stopping by pidfile");
    }
    if (Files.isDirectory(Path.of("/run/systemd/system"))
        && shell.sh("systemctl cat docker.service", Duration.ofSeconds(10)).succeeded()) {
      return new Selected(new SystemdEngineControl(), "auto: systemd manages docker.service");
    }
    if (Files.isExecutable(Path.of("/etc/init.d/docker"))) {
      return new Selected(new ServiceEngineControl(request.pidFile()), "auto: SysV init script /etc/init.d/docker");
    }
    throw new SwarmsnapException(
        ExitCode.USAGE,
        "cannot tell how dockerd is run on this host (no systemd unit, no /etc/init.d/docker)",
        "say how: --engine-control pid --pidfile FILE --start-cmd CMD, or --stop-cmd CMD --start-cmd CMD");
  }

  private static PidFileEngineControl pid(ControlRequest request) {
    String start = request.startCommand().orElseThrow(() -> new SwarmsnapException(
        ExitCode.USAGE,
        "--engine-control pid needs the command that starts dockerd",
        "pass --start-cmd CMD (or set SWARMSNAP_START_CMD)"));
    return new PidFileEngineControl(request.pidFile(), start);
  }

  private static CommandEngineControl command(ControlRequest request) {
    if (request.stopCommand().isEmpty() || request.startCommand().isEmpty()) {
      throw new SwarmsnapException(
          ExitCode.USAGE,
          "--engine-control command needs both --stop-cmd and --start-cmd",
          "pass both (or set SWARMSNAP_STOP_CMD and SWARMSNAP_START_CMD)");
    }
    return new CommandEngineControl(request.stopCommand().get(), request.startCommand().get(), request.pidFile());
  }
}
