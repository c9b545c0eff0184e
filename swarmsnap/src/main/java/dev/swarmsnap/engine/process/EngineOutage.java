package dev.swarmsnap.engine.process;

import dev.swarmsnap.engine.EngineControl;
import dev.swarmsnap.engine.EngineControlException;
import java.time.Instant;

/**
 * One window in which the engine is stopped. Opening it arms a {@link Watchdog} and a shutdown hook,
 * then stops the engine; {@link #restart()} (also called by {@link #close()}) starts it again exactly
 * once. So the engine comes back on every path: normal end, exception (finally), SIGTERM/SIGINT
 * (shutdown hook), kill -9 or a hang past the maximum downtime (watchdog).
 *
 * <p>Thread-safe: the shutdown hook may race the main thread.
 */
public final class EngineOutage implements AutoCloseable {
  private final EngineControl control;
  private final OutageSettings settings;
  private final Watchdog watchdog;
  private final Thread shutdownHook;
  private Instant stoppedAt;
  private Instant exitedAt;
  private boolean restarted;

  private EngineOutage(EngineControl control, OutageSettings settings, Watchdog watchdog) {
    this.control = control;
    this.settings = settings;
    this.watchdog = watchdog;
    this.shutdownHook = new Thread(this::restartFromHook, "swarmsnap-engine-restart");
  }

  /** Arms the safety nets, then stops the engine; returns once dockerd has exited. */
  public static EngineOutage begin(EngineControl control, OutageSettings settings, Instant now) {
    Instant deadline = now.plus(settings.maxDowntime());
    Watchdog watchdog =
        Watchdog.arm(
            settings.runDir().resolve("outage-" + ProcessHandle.current().pid() + "-" + now.toEpochMilli()),
            control,
            deadline,
            ProcessHandle.current().pid(),
            settings.cleanupOnDeath());
    EngineOutage outage = new EngineOutage(control, settings, watchdog);
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
    Watchdog watchdog =
        Watchdog.arm(
            settings.runDir().resolve("outage-" + ProcessHandle.current().pid() + "-" + now.toEpochMilli()),
            control,
            now.plus(settings.maxDowntime()),
            ProcessHandle.current().pid(),
            settings.cleanupOnDeath());
    EngineOutage outage = new EngineOutage(control, settings, watchdog);
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
    return watchdog.fired();
  }

  /** Starts the engine unless it already runs; idempotent. */
  public synchronized void restart() {
    if (restarted) {
      return;
    }
    if (!control.isRunning()) {
      try {
        control.start(settings.startTimeout());
      } catch (EngineControlException e) {
        if (!control.isRunning()) {
          throw new EngineControlException(
              "the engine did not start again: " + e.getMessage(),
              "start it now by hand: " + String.join(" && ", control.manualStartInstructions())
                  + " (the swarm directory was not changed)",
              e);
        }
      }
    }
    restarted = true;
    watchdog.disarm();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // Called from the hook itself while the JVM exits: nothing to remove.
    }
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
