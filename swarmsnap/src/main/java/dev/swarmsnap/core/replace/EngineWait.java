package dev.swarmsnap.core.replace;

import dev.swarmsnap.engine.EngineClient;
import dev.swarmsnap.engine.EngineRequestException;
import dev.swarmsnap.engine.EngineUnreachableException;
import dev.swarmsnap.engine.LocalNodeState;
import dev.swarmsnap.engine.SwarmInfo;
import dev.swarmsnap.engine.SwarmNode;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Waits, by polling, until a just started engine answers and until this node leads its new
 * cluster; used by restore and recover alike. Gives up with an error after a fixed time, or at once
 * when the engine says its swarm component failed.
 */
public final class EngineWait {
  /** Without a leader the engine answers only after its swarm start times out: ~20 s (docs/engine-behaviour.md §4.2). */
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration LEADER_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration POLL = Duration.ofMillis(200);

  private final Clock clock;
  private final EngineClient engine;

  public EngineWait(Clock clock, EngineClient engine) {
    this.clock = clock;
    this.engine = engine;
  }

  /** Until the engine's API answers; {@code failure} says what did not happen, for the error. */
  public void untilAnswers(String failure) {
    until(engine::ping, START_TIMEOUT, failure);
  }

  /** Until the swarm is active with control available and node {@code nodeId} is a ready leader. */
  public void untilReadyLeader(String nodeId) {
    until(() -> isReadyLeader(nodeId), LEADER_TIMEOUT, "the node did not become an active, ready leader");
  }

  private boolean isReadyLeader(String nodeId) {
    try {
      SwarmInfo swarm = engine.info().swarm();
      if (swarm.state() == LocalNodeState.ERROR || swarm.state() == LocalNodeState.INACTIVE) {
        // the engine runs but its swarm component gave up (or never found state): no use waiting
        throw new SwarmsnapException(ExitCode.FAILED,
            "the engine's swarm component is " + swarm.state().label()
                + (swarm.hasError() ? ": " + swarm.error() : "") + "; the node cannot lead",
            "look at the engine's log");
      }
      if (swarm.state() != LocalNodeState.ACTIVE || !swarm.controlAvailable() || swarm.hasError()) {
        return false;
      }
      SwarmNode self = engine.node(nodeId);
      return self.isLeader() && "ready".equals(self.state());
    } catch (EngineRequestException | EngineUnreachableException notYet) {
      return false;
    }
  }

  private void until(BooleanSupplier condition, Duration timeout, String failure) {
    Instant deadline = clock.instant().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (clock.instant().isAfter(deadline)) {
        throw new SwarmsnapException(ExitCode.FAILED, failure + " within " + timeout.toSeconds() + " s",
            "look at the engine's log");
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SwarmsnapException(ExitCode.FAILED, "interrupted while waiting for the engine", null, e);
      }
    }
  }
}
