package dev.swarmsnap.swarmstate.model;

import java.util.List;

/**
 * The raft side of the state (docs/swarm-state-format.md §7.1 check 12).
 *
 * @param raftId this node's raft ID (WAL metadata)
 * @param nodeId this node's ID (WAL metadata)
 * @param addr this node's raft address (WAL metadata)
 * @param term last HardState term
 * @param snapshotIndex index of the snapshot the state starts from (0 if none)
 * @param snapshotTerm its term
 * @param lastIndex last entry index in the WAL
 * @param commitIndex HardState commit
 * @param appliedEntries entries above the snapshot applied to the store
 * @param uncommittedEntries entries above commit, not applied
 * @param members raft members after replay
 * @param removed raft IDs removed from the cluster
 * @param walSegments number of WAL segments read
 * @param tornTail whether the last segment ended in a torn write (dropped, as dockerd does)
 */
public record RaftSummary(
    long raftId,
    String nodeId,
    String addr,
    long term,
    long snapshotIndex,
    long snapshotTerm,
    long lastIndex,
    long commitIndex,
    long appliedEntries,
    long uncommittedEntries,
    List<RaftMemberInfo> members,
    List<Long> removed,
    int walSegments,
    boolean tornTail) {
  public RaftSummary {
    members = List.copyOf(members);
    removed = List.copyOf(removed);
  }
}
