package dev.swarmsnap.engine.process;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What the user said about engine control (flags, else environment).
 *
 * @param pidFile dockerd's pidfile; {@code /var/run/docker.pid} unless told otherwise
 */
public record ControlRequest(
    ControlMode mode, Path pidFile, Optional<String> startCommand, Optional<String> stopCommand) {
  public static final Path DEFAULT_PIDFILE = Path.of("/var/run/docker.pid");

  public ControlRequest {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(pidFile, "pidFile");
  }
}
