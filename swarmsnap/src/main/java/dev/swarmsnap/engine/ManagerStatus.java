package dev.swarmsnap.engine;

/**
 * A node's {@code ManagerStatus}. The engine omits {@code Leader} when false (docs/engine-behaviour.md §2).
 *
 * @param address the raft member address ({@code ip:2377}); may be stale after a restore to another IP
 */
public record ManagerStatus(boolean leader, String reachability, String address) {
  public boolean reachable() {
    return "reachable".equals(reachability);
  }
}
