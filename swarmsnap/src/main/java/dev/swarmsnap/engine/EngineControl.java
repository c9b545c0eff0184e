package dev.swarmsnap.engine;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Stops and starts the local dockerd. One implementation per way a host runs it (systemd, SysV
 * {@code service}, a pidfile plus start command, user commands).
 */
public interface EngineControl {

  /** How this control works, for messages: e.g. {@code systemd (docker.socket, docker.service)}. */
  String describe();

  /**
   * Stops the engine and returns only once the daemon process has exited, so nothing writes the
   * swarm directory any more.
   *
   * @throws EngineControlException when it could not be stopped within {@code timeout}
   */
  void stop(Duration timeout);

  /**
   * Starts the engine and returns once the start was issued; readiness is the caller's to check
   * through the API.
   *
   * @throws EngineControlException when the start command failed
   */
  void start(Duration timeout);

  /** Whether the daemon process is running now. */
  boolean isRunning();

  /**
   * A shell command line that starts the engine, for the watchdog process that must restart it
   * even after this JVM is gone. Runs under {@code sh -c}.
   */
  String startCommandLine();

  /**
   * A shell command line that exits 0 while a daemon process exists, for the watchdog: starting,
   * serving, or still shutting down after a stop (a dockerd keeps its pid for seconds then). So it
   * says "do not start another one", never "the engine serves".
   */
  String runningCheckCommandLine();

  /**
   * A shell command line that exits 0 once the engine serves, when the control can tell by itself
   * (systemd's {@code active} of a {@code Type=notify} unit); empty: the watchdog pings the API.
   */
  default Optional<String> readyCheckCommandLine() {
    return Optional.empty();
  }

  /**
   * A shell command line that ends a daemon hung in its shutdown at once (SIGKILL), used only after
   * the stop timeout; empty when the init system does that itself.
   */
  default Optional<String> killCommandLine() {
    return Optional.empty();
  }

  /** The commands a user would run by hand to start the engine again, for error messages. */
  List<String> manualStartInstructions();
}
