package dev.swarmsnap.core.backup;

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
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Brings a restarted manager back into service and says when: the API answers, the node is unlocked
 * (autolock), active, Ready and a reachable manager again (docs/engine-behaviour.md §3: the API answers only after
 * the node caught up with the leader; reachability follows within a second or two).
 */
public final class NodeRecovery {
  private static final Duration POLL = Duration.ofMillis(100);
  private final Clock clock;

  public NodeRecovery(Clock clock) {
    this.clock = clock;
  }

  /** When the API answered again, and when the node was a ready, reachable manager. */
  public record Recovered(Instant apiAnswering, Instant ready) {}

  /**
   * @param unlockKey the key to unlock with when the node comes up locked; wiped by the caller
   */
  public Recovered await(EngineClient engine, String nodeId, Optional<char[]> unlockKey, Duration timeout) {
    Instant deadline = clock.instant().plus(timeout);
    waitFor(engine::ping, deadline, "the engine's API did not answer again");
    Instant apiAnswering = clock.instant();
    SwarmInfo swarm = engine.info().swarm();
    if (swarm.state() == LocalNodeState.LOCKED) {
      char[] key = unlockKey.orElseThrow(() -> new SwarmsnapException(
          ExitCode.FAILED,
          "the engine is back but locked, and no unlock key was given",
          "unlock it now: docker swarm unlock"));
      engine.unlock(key);
    }
    waitFor(() -> isReadyManager(engine, nodeId), deadline, "the node did not become a ready, reachable manager");
    return new Recovered(apiAnswering, clock.instant());
  }

  private static boolean isReadyManager(EngineClient engine, String nodeId) {
    try {
      SwarmInfo swarm = engine.info().swarm();
      if (swarm.state() != LocalNodeState.ACTIVE || !swarm.controlAvailable() || swarm.hasError()) {
        return false;
      }
      SwarmNode self = engine.node(nodeId);
      return "ready".equals(self.state()) && self.isReachableManager();
    } catch (EngineRequestException | EngineUnreachableException notYet) {
      return false;
    }
  }

  private void waitFor(Supplier<Boolean> condition, Instant deadline, String failure) {
    while (!condition.get()) {
      if (clock.instant().isAfter(deadline)) {
        throw new SwarmsnapException(
            ExitCode.FAILED,
            failure + " in time",
            "the engine runs; check 'docker info' and 'docker node ls' on this node");
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
