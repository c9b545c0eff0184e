package dev.swarmsnap.cli;

import dev.swarmsnap.engine.process.ControlMode;
import dev.swarmsnap.engine.process.ControlRequest;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * How to stop and start dockerd: flags, else the {@code SWARMSNAP_*} variables that {@code lab env}
 * prints, else auto-detection.
 */
public final class EngineControlOptions {
  @Option(
      names = "--engine-control",
      paramLabel = "MODE",
      description = "How to stop and start dockerd: auto, systemd, service, pid, command"
          + " (default: $SWARMSNAP_ENGINE_CONTROL, else auto).")
  String mode;

  @Option(names = "--pidfile", paramLabel = "FILE",
      description = "dockerd's pidfile (default: $SWARMSNAP_PIDFILE, else /var/run/docker.pid).")
  Path pidFile;

  @Option(names = "--start-cmd", paramLabel = "CMD", description = "Command that starts dockerd (default: $SWARMSNAP_START_CMD).")
  String startCommand;

  @Option(names = "--stop-cmd", paramLabel = "CMD", description = "Command that stops dockerd (default: $SWARMSNAP_STOP_CMD).")
  String stopCommand;

  public ControlRequest request(CliContext context) {
    String modeName = Optional.ofNullable(mode).or(() -> context.env("SWARMSNAP_ENGINE_CONTROL")).orElse("auto");
    ControlMode controlMode;
    try {
      controlMode = ControlMode.valueOf(modeName.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new SwarmsnapException(
          ExitCode.USAGE, "unknown engine control '" + modeName + "'", "use auto, systemd, service, pid or command");
    }
    return new ControlRequest(
        controlMode,
        Optional.ofNullable(pidFile).or(() -> context.env("SWARMSNAP_PIDFILE").map(Path::of)).orElse(ControlRequest.DEFAULT_PIDFILE),
        Optional.ofNullable(startCommand).or(() -> context.env("SWARMSNAP_START_CMD")),
        Optional.ofNullable(stopCommand).or(() -> context.env("SWARMSNAP_STOP_CMD")));
  }
}
