package dev.swarmsnap.swarmstate.model;

import java.util.Objects;

/**
 * What the raft says of a manager node offline.
 *
 * @param raftId its raft member ID
 * @param addr its raft address ({@code ip:port}) from the raft membership
 * @param leadership whether it led, as far as the state on disk can tell
 */
public record ManagerInfo(long raftId, String addr, Leadership leadership) {
  public ManagerInfo {
    Objects.requireNonNull(addr, "addr");
    Objects.requireNonNull(leadership, "leadership");
  }

  /**
   * The raft stores no leader: swarmkit fills a node's leader flag from the live raft when asked,
   * and a follower's last HardState vote is often none. Offline, leadership is known only where it
   * cannot be otherwise: the single member of a one-member raft leads it.
   */
  public enum Leadership {
    LEADER,
    UNKNOWN
  }
}
