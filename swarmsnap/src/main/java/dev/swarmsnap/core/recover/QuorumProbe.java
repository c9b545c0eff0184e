package dev.swarmsnap.core.recover;

import dev.swarmsnap.engine.EngineClient;
import dev.swarmsnap.engine.EngineInfo;
import dev.swarmsnap.engine.EngineRequestException;
import dev.swarmsnap.engine.EngineUnreachableException;
import dev.swarmsnap.engine.LocalNodeState;
import dev.swarmsnap.engine.SwarmInfo;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Confirms from the engine that this manager has lost quorum, or refuses. A manager without a
 * leader keeps {@code ControlAvailable true} and reports {@code "The swarm does not have a leader"}
 * in {@code /info}, and every manager call fails with that text (docs/engine-behaviour.md §4.3); the first call
 * after the loss may instead time out inside the engine ({@code DeadlineExceeded}), and an election
 * in progress looks the same for a few seconds, so the answer must hold for a while before it counts.
 */
public final class QuorumProbe {
  static final String NO_LEADER = "does not have a leader";
  private static final int SWARM_PORT = 2377;

  private final Clock clock;
  private final Duration settle;
  private final SwarmPortProbe port;

  /**
   * @param settle how long "no leader" must hold (checked at the start and at the end)
   * @param rootCa this swarm's root CA certificate, to recognise other managers on their swarm port
   * @param connectTimeout per manager, for the check of its swarm port
   */
  public QuorumProbe(Clock clock, Duration settle, Path rootCa, Duration connectTimeout) {
    this.clock = clock;
    this.settle = settle;
    this.port = SwarmPortProbe.trusting(rootCa, connectTimeout);
  }

  /**
   * @throws SwarmsnapException NOT_A_MANAGER on a worker or a node outside a swarm; UNSAFE when the
   *     node is locked, when the cluster has a leader, or when a majority of managers still answers
   */
  public QuorumEvidence confirm(EngineClient engine) {
    EngineInfo info = engine.info();
    SwarmInfo swarm = info.swarm();
    requireManager(swarm);
    noLeaderFromNodeList(engine, false);
    Instant until = clock.instant().plus(settle);
    while (clock.instant().isBefore(until)) {
      sleep(Duration.ofMillis(500));
    }
    swarm = engine.info().swarm();
    requireManager(swarm);
    String nodeListError = noLeaderFromNodeList(engine, true);
    if (!swarm.error().contains(NO_LEADER)) {
      throw new SwarmsnapException(ExitCode.UNSAFE,
          "listing nodes fails, but the engine does not report a lost leader ('" + swarm.error() + "'); nothing was changed",
          "look at 'docker info' and the engine's log, then run recover again");
    }
    List<String> known = known(swarm);
    List<String> answering = answering(swarm, known);
    QuorumEvidence evidence = new QuorumEvidence(
        swarm.state().label(), swarm.error(), nodeListError, known, answering);
    if (answering.size() >= evidence.majority()) {
      throw new SwarmsnapException(ExitCode.UNSAFE,
          answering.size() + " of " + known.size() + " managers answer on their swarm port (" + String.join(", ", answering)
              + "): they may elect a leader on their own; nothing was changed",
          "wait a minute and check with 'swarmsnap status'; recover only when the others are really gone (stop them first)");
    }
    return evidence;
  }

  private static void requireManager(SwarmInfo swarm) {
    if (swarm.state() == LocalNodeState.LOCKED) {
      throw locked();
    }
    if (swarm.state() != LocalNodeState.ACTIVE && swarm.state() != LocalNodeState.PENDING || !swarm.controlAvailable()) {
      throw new SwarmsnapException(ExitCode.NOT_A_MANAGER,
          "this node is not a swarm manager (local node state " + swarm.state().label() + ", control "
              + (swarm.controlAvailable() ? "available" : "unavailable") + "); there is no manager state to recover from",
          "run recover on a manager that survived; a worker cannot rebuild a cluster");
    }
  }

  private static SwarmsnapException locked() {
    return new SwarmsnapException(ExitCode.UNSAFE,
          "this node is locked (autolock, after a restart), so the engine cannot say whether quorum is lost;"
              + " nothing was changed",
          "do not run 'docker swarm unlock' without quorum (it hangs the engine); run recover on a surviving"
              + " manager that is unlocked, or restore a backup with 'swarmsnap restore'");
  }

  /**
   * The node list's error when it is "no leader"; refuses when the list works (there is a leader).
   * Other failures refuse only when {@code strict}: early on they may be an election or the engine's
   * own timeout.
   */
  private static String noLeaderFromNodeList(EngineClient engine, boolean strict) {
    try {
      int nodes = engine.nodes().size();
      throw new SwarmsnapException(ExitCode.UNSAFE,
          "the cluster has a leader (this manager lists " + nodes + " nodes): quorum is not lost and there is"
              + " nothing to recover; nothing was changed",
          "to drop managers that are gone for good, run 'docker node demote NODE' and 'docker node rm NODE'"
              + " on the leader; 'swarmsnap status' shows which are unreachable");
    } catch (EngineRequestException e) {
      if (e.isNoLeader()) {
        return e.engineMessage();
      }
      if (e.isLocked()) {
        throw locked();
      }
      if (!strict) {
        return e.engineMessage();
      }
      throw new SwarmsnapException(ExitCode.UNSAFE,
          "cannot confirm that quorum is lost: listing nodes failed with '" + e.engineMessage() + "'; nothing was changed",
          "an election may be running: wait a few seconds and run recover again");
    } catch (EngineUnreachableException e) {
      if (!strict) {
        return e.getMessage();
      }
      throw new SwarmsnapException(ExitCode.UNSAFE,
          "cannot confirm that quorum is lost: listing nodes did not answer (" + e.getMessage() + "); nothing was changed",
          "the first call after a loss may time out inside the engine; run recover again");
    }
  }

  private static List<String> known(SwarmInfo swarm) {
    List<String> known = new ArrayList<>(swarm.remoteManagerAddrs());
    String self = swarm.nodeAddr().isBlank() ? "" : withPort(swarm.nodeAddr());
    if (!self.isEmpty() && known.stream().noneMatch(a -> a.equals(self))) {
      known.add(self);
    }
    return known;
  }

  /** This node, plus every other manager that answers on its swarm port as a member of this swarm. */
  private List<String> answering(SwarmInfo swarm, List<String> known) {
    String self = swarm.nodeAddr().isBlank() ? "" : withPort(swarm.nodeAddr());
    List<String> answering = new ArrayList<>();
    for (String addr : known) {
      if (addr.equals(self) || connects(addr)) {
        answering.add(addr);
      }
    }
    return answering;
  }

  private boolean connects(String addr) {
    int colon = addr.lastIndexOf(':');
    String host = colon > 0 ? addr.substring(0, colon) : addr;
    try {
      int number = colon > 0 ? Integer.parseInt(addr.substring(colon + 1)) : SWARM_PORT;
      return port.answers(host.replace("[", "").replace("]", ""), number);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String withPort(String addr) {
    return addr.contains(":") ? addr : addr + ":" + SWARM_PORT;
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SwarmsnapException(ExitCode.FAILED, "interrupted while checking quorum", null);
    }
  }
}
