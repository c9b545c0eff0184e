package dev.swarmsnap.engine.process;

import dev.swarmsnap.engine.EngineControl;
import dev.swarmsnap.engine.EngineControlException;
import java.time.Instant;

/**
 * One window in which the engine is stopped. Opening it arms a {@link RestartGuard} and a shutdown hook,
 * then stops the engine; {@link #restart()} (also called by {@link #close()}) starts it again exactly
 * once. So the engine comes back on every path: normal end, exception (finally), SIGTERM/SIGINT
 * (shutdown hook), kill -9 or a hang past the maximum downtime (the {@link RestartGuard}, by
 * default a {@link Watchdog} process).
 *
 * <p>Thread-safe: the shutdown hook may race the main thread.
 */
public final class EngineOutage implements AutoCloseable {
  /** How many times {@link #restart()} tries to start the engine before it reports failure. */
  public static final int START_ATTEMPTS = 2;

  private final EngineControl control;
  private final OutageSettings settings;
  private final RestartGuard.Armed guard;
  private final Thread shutdownHook;
  private Instant stoppedAt;
  private Instant exitedAt;
  private boolean restarted;

  private EngineOutage(EngineControl control, OutageSettings settings, RestartGuard.Armed guard) {
    this.control = control;
    this.settings = settings;
    this.guard = guard;
    this.shutdownHook = new Thread(this::restartFromHook, "swarmsnap-engine-restart");
  }

  /** Arms the safety nets (a {@link Watchdog} process among them), then stops the engine; returns once dockerd has exited. */
  public static EngineOutage begin(EngineControl control, OutageSettings settings, Instant now) {
    return begin(control, settings, new WatchdogGuard(), now);
  }

  /** As {@link #begin(EngineControl, OutageSettings, Instant)}, with {@code guard} as the net that outlives this JVM. */
  public static EngineOutage begin(EngineControl control, OutageSettings settings, RestartGuard guard, Instant now) {
    EngineOutage outage = new EngineOutage(control, settings, guard.arm(control, settings, now));
    Runtime.getRuntime().addShutdownHook(outage.shutdownHook);
    outage.stoppedAt = Instant.now();
    try {
      control.stop(settings.stopTimeout());
      outage.exitedAt = Instant.now();
    } catch (RuntimeException e) {
      // A failed stop may still have stopped it: bring it back before reporting.
      outage.restartSuppressing(e);
      throw e;
    }
    return outage;
  }

  /**
   * Arms the same safety nets for an engine that is already stopped (a restore onto a node whose
   * engine is down): nothing is stopped, and the engine starts on every path from here on.
   */
  public static EngineOutage beginStopped(EngineControl control, OutageSettings settings, Instant now) {
    return beginStopped(control, settings, new WatchdogGuard(), now);
  }

  /** As {@link #beginStopped(EngineControl, OutageSettings, Instant)}, with {@code guard}. */
  public static EngineOutage beginStopped(
      EngineControl control, OutageSettings settings, RestartGuard guard, Instant now) {
    EngineOutage outage = new EngineOutage(control, settings, guard.arm(control, settings, now));
    Runtime.getRuntime().addShutdownHook(outage.shutdownHook);
    outage.stoppedAt = Instant.now();
    outage.exitedAt = outage.stoppedAt;
    return outage;
  }

  /** When the stop was issued. */
  public Instant stoppedAt() {
    return stoppedAt;
  }

  /** When the daemon had exited. */
  public Instant exitedAt() {
    return exitedAt;
  }

  /**
   * Whether the watchdog started the engine on its own (max downtime passed): whatever was copied
   * after that may come from a running engine and must be thrown away.
   */
  public boolean watchdogFired() {
    return guard.fired();
  }

  /**
   * Starts the engine unless it already runs; idempotent once it succeeded. A failed start is tried
   * once more at once (a start can fail for a passing reason, and an engine left down is the one
   * outcome we must avoid); if that fails too, the guard stays armed and the error says what to run.
   *
   * @throws EngineControlException when the engine is still not running after {@value #START_ATTEMPTS} attempts
   */
  public synchronized void restart() {
    if (restarted) {
      return;
    }
    if (!control.isRunning()) {
      startWithRetry();
    }
    restarted = true;
    guard.disarm();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // Called from the hook itself while the JVM exits: nothing to remove.
    }
  }

  private void startWithRetry() {
    EngineControlException failure = null;
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      try {
        // A start that returned counts: the daemon may not have written its pidfile yet, so
        // isRunning() right after it proves nothing, and a second start would launch a second dockerd.
        control.start(settings.startTimeout());
        return;
      } catch (EngineControlException e) {
        if (control.isRunning()) {
          return;
        }
        if (failure != null) {
          e.addSuppressed(failure);
        }
        failure = e;
      }
    }
    throw new EngineControlException(
        "the engine did not start again (" + START_ATTEMPTS + " attempts): " + failure.getMessage(),
        "start it now by hand: " + String.join(" && ", control.manualStartInstructions())
            + " (the swarm directory was not changed)",
        failure);
  }

  @Override
  public void close() {
    restart();
  }

  private void restartFromHook() {
    try {
      restart();
    } catch (RuntimeException e) {
      System.err.println("swarmsnap: " + e.getMessage());
    }
  }

  private void restartSuppressing(RuntimeException primary) {
    try {
      restart();
    } catch (RuntimeException e) {
      primary.addSuppressed(e);
    }
  }
}
