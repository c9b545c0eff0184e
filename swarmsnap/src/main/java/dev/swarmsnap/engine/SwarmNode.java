package dev.swarmsnap.engine;

import java.util.Objects;
import java.util.Optional;

/**
 * One element of {@code GET /nodes}.
 *
 * @param managerStatus present for raft members; absent for workers and for stale manager entries
 *     left behind by {@code --force-new-cluster} (docs/engine-behaviour.md §4.2)
 */
public record SwarmNode(
    String id,
    String hostname,
    NodeRole role,
    String state,
    String availability,
    String address,
    String engineVersion,
    Optional<ManagerStatus> managerStatus) {

  public SwarmNode {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(managerStatus, "managerStatus");
  }

  public boolean isRaftMember() {
    return managerStatus.isPresent();
  }

  public boolean isLeader() {
    return managerStatus.map(ManagerStatus::leader).orElse(false);
  }

  public boolean isReachableManager() {
    return managerStatus.map(ManagerStatus::reachable).orElse(false);
  }
}
