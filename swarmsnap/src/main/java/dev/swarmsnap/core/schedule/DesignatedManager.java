package dev.swarmsnap.core.schedule;

import dev.swarmsnap.engine.SwarmNode;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Chooses the one manager that takes a scheduled backup. Every manager runs the same timer and asks
 * its own engine for {@code GET /nodes}; because the rule depends only on that list, they all name
 * the same node without talking to each other. Pure.
 *
 * <p>The rule: among the non-leader managers, ordered by node ID, the first that is ready and
 * reachable. Backing up a follower never forces a leader election (docs/engine-behaviour.md §3). The leader is
 * designated only when it is the only manager. A follower that is down is passed over, so the next
 * in order takes the run until it is back. With {@code --hot} ({@link #chooseForHot}) nothing stops,
 * so the leader takes its turn in the same order as every other manager.
 */
public final class DesignatedManager {
  private static final String READY = "ready";

  /**
   * @param selfId this node's ID ({@code /info .Swarm.NodeID})
   * @param nodes {@code GET /nodes} as this manager sees it
   */
  public Designation choose(String selfId, List<SwarmNode> nodes) {
    Objects.requireNonNull(selfId, "selfId");
    List<SwarmNode> managers = nodes.stream().filter(SwarmNode::isRaftMember).toList();
    List<SwarmNode> followers = managers.stream()
        .filter(n -> !n.isLeader())
        .sorted(Comparator.comparing(SwarmNode::id))
        .toList();
    if (followers.isEmpty()) {
      return single(selfId, managers);
    }
    List<SwarmNode> passedOver = followers.stream().takeWhile(n -> !available(n)).toList();
    if (passedOver.size() == followers.size()) {
      return new Designation(Optional.empty(), false, passedOver,
          "no follower manager is ready and reachable (" + describe(passedOver)
              + "), and the leader is backed up on a schedule only on a single-manager swarm");
    }
    SwarmNode chosen = followers.get(passedOver.size());
    boolean self = chosen.id().equals(selfId);
    String who = self ? "this node " + describe(chosen) : describe(chosen);
    String reason = who + " is the designated manager (the ready, reachable follower with the lowest node ID)"
        + (passedOver.isEmpty() ? "" : "; passed over because not ready and reachable: " + describe(passedOver));
    return new Designation(Optional.of(chosen), self, passedOver, reason);
  }

  /**
   * The rule for {@code backup --scheduled --hot}: a hot copy stops nothing, so the leader is no
   * longer passed over. Among all managers, ordered by node ID, the first that is ready and
   * reachable; still one backup per run.
   *
   * @param selfId this node's ID ({@code /info .Swarm.NodeID})
   * @param nodes {@code GET /nodes} as this manager sees it
   */
  public Designation chooseForHot(String selfId, List<SwarmNode> nodes) {
    Objects.requireNonNull(selfId, "selfId");
    List<SwarmNode> managers = nodes.stream()
        .filter(SwarmNode::isRaftMember)
        .sorted(Comparator.comparing(SwarmNode::id))
        .toList();
    List<SwarmNode> passedOver = managers.stream().takeWhile(n -> !available(n)).toList();
    if (passedOver.size() == managers.size()) {
      return new Designation(Optional.empty(), false, passedOver,
          "no manager is ready and reachable (" + describe(passedOver) + ")");
    }
    SwarmNode chosen = managers.get(passedOver.size());
    boolean self = chosen.id().equals(selfId);
    String reason = (self ? "this node " : "") + describe(chosen)
        + " is the designated manager for hot backups (the ready, reachable manager with the lowest node ID)"
        + (passedOver.isEmpty() ? "" : "; passed over because not ready and reachable: " + describe(passedOver));
    return new Designation(Optional.of(chosen), self, passedOver, reason);
  }

  private static Designation single(String selfId, List<SwarmNode> managers) {
    Optional<SwarmNode> leader = managers.stream().filter(SwarmNode::isLeader).findFirst();
    if (managers.size() != 1 || leader.isEmpty() || !available(leader.get())) {
      return new Designation(Optional.empty(), false, List.of(),
          "no manager qualifies: " + managers.size() + " raft members and no ready, reachable follower");
    }
    boolean self = leader.get().id().equals(selfId);
    return new Designation(leader, self, List.of(),
        (self ? "this node " : "") + describe(leader.get())
            + " is the designated manager (the only manager of a single-manager swarm)");
  }

  private static boolean available(SwarmNode node) {
    return node.isReachableManager() && READY.equalsIgnoreCase(node.state());
  }

  private static String describe(SwarmNode node) {
    return node.hostname() + " (" + node.id() + ")";
  }

  private static String describe(List<SwarmNode> nodes) {
    return String.join(", ", nodes.stream().map(DesignatedManager::describe).toList());
  }
}
