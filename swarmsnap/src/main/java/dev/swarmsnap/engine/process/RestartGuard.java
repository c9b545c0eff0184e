package dev.swarmsnap.engine.process;

import dev.swarmsnap.engine.EngineControl;
import java.time.Instant;

/**
 * The safety net of an {@link EngineOutage} that does not depend on this JVM: once armed, it starts
 * the engine if swarmsnap dies (even by {@code kill -9}) or the outage outlasts its maximum downtime.
 * {@link WatchdogGuard} is the real one; tests hand {@link EngineOutage} a fake, so the runs that stop
 * the engine are unit-tested without a watchdog process.
 */
@FunctionalInterface
public interface RestartGuard {

  /**
   * Arms the guard for an outage that begins {@code now}; returns once it watches.
   *
   * @throws dev.swarmsnap.engine.EngineControlException when it cannot be armed (nothing was stopped yet)
   */
  Armed arm(EngineControl control, OutageSettings settings, Instant now);

  /** An armed guard. */
  interface Armed {
    /** The engine is back: stand down without acting. */
    void disarm();

    /** Whether the guard had to start the engine itself. */
    boolean fired();

    /**
     * Tells the guard what swarmsnap is about to do ({@code stop-issued}, {@code start-issued}): from
     * a stop on, a live daemon process may be one that is exiting, not a running engine.
     */
    default void mark(String event) {}
  }
}
