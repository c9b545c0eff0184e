package dev.swarmsnap.swarmstate.raft;

import dev.swarmsnap.swarmstate.files.DirectorySwarmFiles;
import dev.swarmsnap.swarmstate.files.SwarmFiles;
import dev.swarmsnap.swarmstate.proto.raftpb.HardState;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Writes into a copy of a running engine's WAL the commit index the engine held in memory but had
 * not written yet, as far as it is proven committed (docs/engine-behaviour.md §4.6).
 *
 * <p>Why: etcd's {@code WAL.Save} syncs only when entries, term or vote change ({@code
 * raft.MustSync}); a Ready that only advances the commit index leaves its HardState in the
 * encoder's buffer until the next entry is written. On a quiet swarm the last entries on disk are
 * therefore never marked committed, and a reader of the copy (and a force-new-cluster start) drops
 * them. An engine stopped cleanly flushes the buffer, so a cold copy never shows this.
 *
 * <p>The caller proves how far the entries are committed. A hot backup passes the lowest index p
 * through which the copy holds its API view (every object at its version or newer); the argument:
 * an object's version is the leader's commit index when its change was proposed, lower than the
 * index of the entry that wrote it. The leader proposes one store change at a time and applies it
 * only once committed, and a new leader writes only after applying its whole log, so along a log
 * the versions of the changes grow with their indexes. The copy through p-1 lacks some object Y of
 * the view (missing, or older); entry p brings it. The entry q that wrote Y as the view shows it
 * cannot lie before p (Y would be held through p-1: an ID is never reused, so a removed Y cannot
 * come back at p), nor after p (entry p would then carry an older version of Y than q's, too old to
 * pass). So p is q, a change the view shows; the view shows only committed data, so p and every
 * entry before it are committed, and raft never rewrites a committed entry. An uncommitted entry of
 * a deposed leader cannot stand in for q either: its version is at most that leader's commit index,
 * which the next leader's log holds, so it is below every version that next leader writes. This
 * appends one {@code HardState} with the same term and vote and that commit
 * index, exactly the record the engine's next flush would have written; nothing is raised past the
 * copy's last entry. Not thread-safe per directory.
 */
public final class CommitMark {
  private static final String SNAP_DIR = "raft/snap-v3-encrypted";
  private static final String WAL_DIR = "raft/wal-v3-encrypted";

  /**
   * What was written.
   *
   * @param onDisk the commit index the copy held
   * @param raisedTo the commit index it holds now
   * @param segment the segment the record was appended to
   * @param segmentBytes that segment's new length
   */
  public record Raised(long onDisk, long raisedTo, Path segment, long segmentBytes) {}

  /**
   * Raises the copy's commit index to {@code min(last index, provenCommitted)} if it is lower.
   *
   * @param swarmDir a copy of a swarm directory whose WAL ends cleanly (a torn tail already cut)
   * @param provenCommitted an index known to be committed
   * @return what was written, or empty if the copy's commit index was already as high
   * @throws dev.swarmsnap.error.CorruptStateException if the WAL cannot be read
   */
  public Optional<Raised> raise(Path swarmDir, long provenCommitted) {
    SwarmFiles files = new DirectorySwarmFiles(swarmDir);
    Optional<RaftSnapshotFile> snapshot = new RaftSnapshotReader().readNewest(files, SNAP_DIR);
    long snapIndex = snapshot.map(RaftSnapshotFile::index).orElse(0L);
    long snapTerm = snapshot.map(RaftSnapshotFile::term).orElse(0L);
    List<WalSegment> segments = new WalSegments().select(files, WAL_DIR, snapIndex);
    RaftLogIndex log = new RaftLog(files, segments, snapIndex, snapTerm).index();
    long target = Math.min(log.lastIndex(), provenCommitted);
    if (target <= log.commit() || log.tail().torn()) {
      return Optional.empty();
    }
    byte[] state = HardState.newBuilder().setTerm(log.term()).setVote(log.vote()).setCommit(target).build().toByteArray();
    long end = new WalAppender().append(log.tail(), List.of(new WalAppender.NewRecord(WalRecord.STATE, state)));
    return Optional.of(new Raised(log.commit(), target, log.tail().file(), end));
  }
}
