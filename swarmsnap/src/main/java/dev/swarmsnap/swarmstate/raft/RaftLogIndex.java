package dev.swarmsnap.swarmstate.raft;

import java.util.List;
import java.util.Optional;

/**
 * What the first pass over the WAL learned, without keeping any entry (docs/swarm-state-format.md §4.5).
 *
 * @param metadata serialized {@code RaftMember} of this node (WAL metadata record)
 * @param term last HardState term
 * @param vote last HardState vote
 * @param commit last HardState commit index
 * @param snapIndex index of the raft snapshot the log continues from (0 if none)
 * @param lastIndex index of the last entry in the log ({@code snapIndex} if none)
 * @param snapshotRecords number of WAL snapshot records seen
 * @param newestSnapshotRecord highest (index, term) among them
 * @param snapshotRecordFound whether a record equal to (snapIndex, snapTerm) exists (§7.1 check 7)
 * @param runs where the surviving entries are, as runs of consecutive entry records
 * @param tail how the last segment ends
 */
public record RaftLogIndex(
    byte[] metadata,
    long term,
    long vote,
    long commit,
    long snapIndex,
    long lastIndex,
    int snapshotRecords,
    Optional<SnapshotMark> newestSnapshotRecord,
    boolean snapshotRecordFound,
    List<Run> runs,
    WalTail tail) {

  public RaftLogIndex {
    runs = List.copyOf(runs);
  }

  /** A WAL snapshot record: raft (index, term) of a snapshot taken. */
  public record SnapshotMark(long index, long term) {}

  /**
   * {@code count} consecutive entry records starting at the {@code firstOrdinal}-th entry record
   * of the WAL, holding indexes {@code firstIndex ..}.
   */
  public record Run(long firstOrdinal, long firstIndex, long count) {}
}
