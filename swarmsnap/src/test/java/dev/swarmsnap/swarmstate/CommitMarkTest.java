package dev.swarmsnap.swarmstate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.swarmstate.proto.walpb.Record;
import dev.swarmsnap.swarmstate.raft.CommitMark;
import dev.swarmsnap.swarmstate.raft.WalFrame;
import dev.swarmsnap.swarmstate.raft.WalFrameScanner;
import dev.swarmsnap.swarmstate.raft.WalRecord;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commit raise on a copy of a real WAL (fixture {@code plain}) whose newest commit-only
 * HardState is missing, as a running engine leaves it until its next flush.
 */
@Timeout(60)
class CommitMarkTest {
  @TempDir Path tmp;

  @Test
  void theMissingCommitIsWrittenUpToTheProvenIndexAndTheStoreReplaysThoseEntries() throws Exception {
    Path swarm = Fixtures.unpack("plain", tmp);
    Path segment = swarm.resolve("raft/wal-v3-encrypted/0000000000000000-0000000000000000.wal");
    dropTrailingStateRecords(segment);
    VerifyReport before = new SwarmStateVerifier().verify(swarm, Optional.empty());
    long commit = before.state().orElseThrow().raft().commitIndex();
    long last = before.state().orElseThrow().raft().lastIndex();
    assertThat(commit).as("the fixture's last entries are above the written commit once its last state record is gone")
        .isLessThan(last);

    Optional<CommitMark.Raised> raised = new CommitMark().raise(swarm, last + 100);

    assertThat(raised).isPresent();
    assertThat(raised.get().onDisk()).isEqualTo(commit);
    assertThat(raised.get().raisedTo()).as("never past the last entry").isEqualTo(last);
    assertThat(raised.get().segmentBytes()).isEqualTo(Files.size(segment));
    VerifyReport after = new SwarmStateVerifier().verify(swarm, Optional.empty());
    assertThat(after.failed()).as(after.findings().toString()).isFalse();
    assertThat(after.state().orElseThrow().raft().commitIndex()).isEqualTo(last);
    assertThat(after.state().orElseThrow().raft().appliedEntries())
        .isEqualTo(before.state().orElseThrow().raft().appliedEntries() + (last - commit));
    assertThat(new CommitMark().raise(swarm, last)).as("nothing to raise twice").isEmpty();
  }

  @Test
  void anIndexTheCopyAlreadyCommittedChangesNothing() throws Exception {
    Path swarm = Fixtures.unpack("plain", tmp);
    long commit = new SwarmStateVerifier().verify(swarm, Optional.empty()).state().orElseThrow().raft().commitIndex();
    Path segment = swarm.resolve("raft/wal-v3-encrypted/0000000000000000-0000000000000000.wal");
    long size = Files.size(segment);

    assertThat(new CommitMark().raise(swarm, commit)).isEmpty();
    assertThat(Files.size(segment)).isEqualTo(size);
  }

  /** Truncates the segment after its last entry record: the HardStates after it were never flushed. */
  private static void dropTrailingStateRecords(Path segment) throws Exception {
    try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      WalFrameScanner scanner = new WalFrameScanner(ch);
      List<long[]> frames = new ArrayList<>();
      WalFrame f;
      while ((f = scanner.next()) != null) {
        Record rec = Record.parseFrom(java.util.Arrays.copyOf(scanner.body(), f.recordLength()));
        frames.add(new long[] {f.offset(), f.end(), rec.getType()});
      }
      long end = scanner.end().offset();
      for (int i = frames.size() - 1; i >= 0 && frames.get(i)[2] != WalRecord.ENTRY; i--) {
        end = frames.get(i)[0];
      }
      ch.truncate(end);
    }
  }
}
