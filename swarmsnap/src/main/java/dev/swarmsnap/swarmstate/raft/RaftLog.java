package dev.swarmsnap.swarmstate.raft;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import dev.swarmsnap.error.CorruptStateException;
import dev.swarmsnap.swarmstate.files.SwarmFiles;
import dev.swarmsnap.swarmstate.proto.raftpb.Entry;
import dev.swarmsnap.swarmstate.proto.raftpb.HardState;
import dev.swarmsnap.swarmstate.proto.walpb.Snapshot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The raft log of one manager with etcd {@code ReadAll} semantics (docs/swarm-state-format.md §4.5): entries at or
 * below the snapshot index are skipped, and an entry whose index was already seen replaces it and
 * drops everything after it (log overwrite after a term change).
 *
 * <p>Memory stays bounded by the largest record, not the WAL size: {@link #index()} keeps only
 * runs of entry positions, and {@link #entries} reads the WAL a second time to hand over the
 * surviving entries one by one. Not thread-safe.
 */
public final class RaftLog {
  private final SwarmFiles files;
  private final List<WalSegment> segments;
  private final long snapIndex;
  private final long snapTerm;
  private final WalRecordReader reader = new WalRecordReader();

  public RaftLog(SwarmFiles files, List<WalSegment> segments, long snapIndex, long snapTerm) {
    this.files = files;
    this.segments = List.copyOf(segments);
    this.snapIndex = snapIndex;
    this.snapTerm = snapTerm;
  }

  /**
   * First pass: checks framing, CRC chain, metadata and entry continuity.
   *
   * @throws CorruptStateException naming file and offset
   */
  public RaftLogIndex index() {
    var st = new ScanState();
    WalTail tail = reader.read(files, segments, rec -> st.accept(rec));
    if (st.metadata == null) {
      throw new CorruptStateException(
          segments.get(0).file(), 0, "a WAL metadata record", "none before the end of the log");
    }
    return new RaftLogIndex(
        st.metadata.toByteArray(),
        st.hard.getTerm(),
        st.hard.getVote(),
        st.hard.getCommit(),
        snapIndex,
        snapIndex + st.length,
        st.snapshotRecords,
        Optional.ofNullable(st.newest),
        st.found,
        st.runs,
        tail);
  }

  /**
   * Second pass: hands the surviving entries with index ≤ {@code upTo}, in index order, to
   * {@code sink}. The entries' data is still encrypted.
   */
  public void entries(RaftLogIndex index, long upTo, Consumer<LoggedEntry> sink) {
    List<RaftLogIndex.Run> runs = index.runs();
    long[] ordinal = {0};
    int[] run = {0};
    reader.read(
        files,
        segments,
        rec -> {
          if (rec.type() != WalRecord.ENTRY) {
            return;
          }
          long o = ordinal[0]++;
          while (run[0] < runs.size()
              && o >= runs.get(run[0]).firstOrdinal() + runs.get(run[0]).count()) {
            run[0]++;
          }
          if (run[0] < runs.size() && o >= runs.get(run[0]).firstOrdinal()) {
            Entry e = parseEntry(rec);
            if (Long.compareUnsigned(e.getIndex(), upTo) <= 0) {
              sink.accept(new LoggedEntry(e, rec.file(), rec.offset()));
            }
          }
        });
  }

  private final class ScanState {
    ByteString metadata;
    HardState hard = HardState.getDefaultInstance();
    int snapshotRecords;
    RaftLogIndex.SnapshotMark newest;
    boolean found = snapIndex == 0 && snapTerm == 0;
    long ordinal;
    long length;
    final List<RaftLogIndex.Run> runs = new ArrayList<>();

    void accept(WalRecord rec) {
      switch ((int) rec.type()) {
        case (int) WalRecord.METADATA -> {
          if (metadata == null) {
            metadata = rec.data();
          } else if (!metadata.equals(rec.data())) {
            throw new CorruptStateException(
                rec.file(), rec.offset(), "the same metadata as the first segment", "different metadata");
          }
        }
        case (int) WalRecord.STATE -> hard = parse(rec, "a raftpb.HardState", HardState::parseFrom);
        case (int) WalRecord.SNAPSHOT -> {
          Snapshot s = parse(rec, "a walpb.Snapshot", Snapshot::parseFrom);
          snapshotRecords++;
          if (newest == null || Long.compareUnsigned(s.getIndex(), newest.index()) > 0) {
            newest = new RaftLogIndex.SnapshotMark(s.getIndex(), s.getTerm());
          }
          if (s.getIndex() == snapIndex && s.getTerm() == snapTerm) {
            found = true;
          }
        }
        case (int) WalRecord.ENTRY -> entry(rec);
        default -> throw new CorruptStateException(
            rec.file(), rec.offset(), "a record type 1-5", "type " + rec.type());
      }
    }

    private void entry(WalRecord rec) {
      long o = ordinal++;
      Entry e = parseEntry(rec);
      long i = e.getIndex();
      if (Long.compareUnsigned(i, snapIndex) <= 0) {
        return;
      }
      long p = i - snapIndex - 1;
      if (p > length) {
        throw new CorruptStateException(
            rec.file(),
            rec.offset(),
            "entry index at most " + (snapIndex + length + 1) + " (no gap)",
            "index " + i);
      }
      truncate(p);
      RaftLogIndex.Run lastRun = runs.isEmpty() ? null : runs.get(runs.size() - 1);
      if (lastRun != null
          && lastRun.firstOrdinal() + lastRun.count() == o
          && lastRun.firstIndex() + lastRun.count() == i) {
        runs.set(runs.size() - 1,
            new RaftLogIndex.Run(lastRun.firstOrdinal(), lastRun.firstIndex(), lastRun.count() + 1));
      } else {
        runs.add(new RaftLogIndex.Run(o, i, 1));
      }
      length = p + 1;
    }

    /** Keeps the first {@code keep} entries of the list, dropping later runs (overwrite). */
    private void truncate(long keep) {
      long total = length;
      while (total > keep && !runs.isEmpty()) {
        RaftLogIndex.Run r = runs.remove(runs.size() - 1);
        total -= r.count();
        if (total < keep) {
          runs.add(new RaftLogIndex.Run(r.firstOrdinal(), r.firstIndex(), keep - total));
          total = keep;
        }
      }
      length = total;
    }
  }

  private Entry parseEntry(WalRecord rec) {
    return parse(rec, "a raftpb.Entry", Entry::parseFrom);
  }

  private interface Parser<T> {
    T parse(CodedInputStream in) throws IOException;
  }

  /** Parses with aliasing: bytes fields (an entry's data) stay views of the record, not copies. */
  private static <T> T parse(WalRecord rec, String what, Parser<T> p) {
    try {
      CodedInputStream in = rec.data().newCodedInput();
      in.enableAliasing(true);
      return p.parse(in);
    } catch (IOException e) {
      throw new CorruptStateException(rec.file(), rec.offset(), what, "bytes that do not decode as one", e);
    }
  }
}
