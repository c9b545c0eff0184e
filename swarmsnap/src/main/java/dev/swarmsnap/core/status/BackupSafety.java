package dev.swarmsnap.core.status;

import dev.swarmsnap.engine.SwarmInfo;
import dev.swarmsnap.engine.SwarmNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether stopping this engine for a cold backup is safe, from the engine's own view of the
 * swarm. Pure: the same facts always give the same verdict.
 *
 * <p>The rules follow Docker's admin guide and docs/engine-behaviour.md §3 and §6: never on a worker (it holds no
 * cluster state), not on a locked node, not without quorum, not on the leader while followers exist
 * (stopping it forces an election), and never when stopping this node would cost the quorum.
 */
public final class BackupSafety {

  /**
   * @param swarm {@code /info .Swarm} of this engine
   * @param nodes {@code /nodes}, when this node could answer it (managers with quorum)
   */
  public Safety evaluate(SwarmInfo swarm, Optional<List<SwarmNode>> nodes) {
    switch (swarm.state()) {
      case INACTIVE:
        return Safety.unsafe(Concern.NOT_IN_SWARM, "this engine is not part of a swarm", "run swarmsnap on a swarm manager");
      case LOCKED:
        return Safety.unsafe(
            Concern.LOCKED,
            "this node is locked (autolock is on and the engine restarted): it is not serving the swarm",
            "unlock it first: docker swarm unlock");
      case ACTIVE:
        break;
      default:
        return Safety.unsafe(
            Concern.NOT_READY,
            "the swarm on this node is " + swarm.state().label() + (swarm.hasError() ? ": " + swarm.error() : ""),
            "wait until 'docker info' shows the swarm active, then check again");
    }
    if (!swarm.controlAvailable()) {
      return Safety.unsafe(
          Concern.WORKER,
          "this node is a worker, not a manager: workers hold no copy of the cluster state",
          remoteManagersHint(swarm));
    }
    if (swarm.hasError() || nodes.isEmpty()) {
      return Safety.unsafe(
          Concern.NO_QUORUM,
          "the swarm has no leader (quorum is lost): " + swarm.error(),
          "bring the stopped managers back; if they are gone for good, back up this node with"
              + " --accept-outage before 'docker swarm init --force-new-cluster'");
    }
    return evaluateManager(swarm.nodeId(), nodes.get());
  }

  private Safety evaluateManager(String selfId, List<SwarmNode> nodes) {
    Quorum quorum = quorumOf(nodes);
    Optional<SwarmNode> self = nodes.stream().filter(n -> n.id().equals(selfId)).findFirst();
    if (quorum.managers() == 1) {
      return new Safety(
          Verdict.SAFE_WITH_OUTAGE,
          Set.of(Concern.SINGLE_MANAGER),
          List.of(
              "single-manager swarm: the management API (service, node, secret commands) is down while"
                  + " the engine is stopped; running services keep running"),
          Optional.of("add managers for a backup without outage: docker swarm join-token manager"),
          Optional.empty());
    }
    List<String> reasons = new ArrayList<>();
    Set<Concern> concerns = EnumSet.noneOf(Concern.class);
    Optional<SwarmNode> follower = bestFollower(nodes, selfId);
    boolean leader = self.map(SwarmNode::isLeader).orElse(false);
    if (leader && follower.isPresent()) {
      concerns.add(Concern.LEADER);
      reasons.add("this node is the leader: stopping it forces a leader election");
    }
    if (!quorum.survivesStoppingOne()) {
      concerns.add(Concern.QUORUM_LOSS);
      reasons.add(
          "stopping this node would lose quorum: "
              + quorum.reachable()
              + " of "
              + quorum.managers()
              + " managers are reachable and "
              + quorum.needed()
              + " are needed");
    }
    if (reasons.isEmpty()) {
      return new Safety(
          Verdict.SAFE,
          Set.of(),
          List.of(
              "stopping this node leaves "
                  + (quorum.reachable() - 1)
                  + " of "
                  + quorum.managers()
                  + " managers reachable; quorum needs "
                  + quorum.needed()),
          Optional.empty(),
          Optional.empty());
    }
    if (leader && follower.isPresent() && quorum.survivesStoppingOne()) {
      SwarmNode f = follower.get();
      return new Safety(
          Verdict.UNSAFE,
          concerns,
          reasons,
          Optional.of(
              "run the backup on follower "
                  + f.hostname()
                  + " ("
                  + f.id()
                  + ", "
                  + f.managerStatus().map(m -> m.address()).orElse(f.address())
                  + ") instead, or pass --allow-leader"),
          Optional.of(f.hostname()));
    }
    return new Safety(
        Verdict.UNSAFE,
        concerns,
        reasons,
        Optional.of("bring the unreachable managers back first, or accept the outage with --accept-outage"),
        Optional.empty());
  }

  /** Raft members and how many of them the leader reaches. */
  public Quorum quorumOf(List<SwarmNode> nodes) {
    int members = (int) nodes.stream().filter(SwarmNode::isRaftMember).count();
    int reachable = (int) nodes.stream().filter(SwarmNode::isReachableManager).count();
    return new Quorum(members, reachable);
  }

  /**
   * The follower every caller would pick: reachable, not the leader, lowest node ID. Deterministic so
   * that all managers name the same one.
   */
  private static Optional<SwarmNode> bestFollower(List<SwarmNode> nodes, String selfId) {
    return nodes.stream()
        .filter(SwarmNode::isReachableManager)
        .filter(n -> !n.isLeader())
        .filter(n -> !n.id().equals(selfId))
        .min(Comparator.comparing(SwarmNode::id));
  }

  private static String remoteManagersHint(SwarmInfo swarm) {
    if (swarm.remoteManagerAddrs().isEmpty()) {
      return "run swarmsnap on a manager node";
    }
    return "run swarmsnap on a manager node: " + String.join(", ", swarm.remoteManagerAddrs());
  }
}
