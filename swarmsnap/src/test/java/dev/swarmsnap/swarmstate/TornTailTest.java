package dev.swarmsnap.swarmstate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmsnap.error.CorruptStateException;
import dev.swarmsnap.swarmstate.raft.TornTail;
import dev.swarmsnap.swarmstate.raft.WalFrame;
import dev.swarmsnap.swarmstate.raft.WalFrameScanner;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The torn-tail cut on a copy of a real WAL (fixture {@code plain}), cut to its data as a hot copy
 * stores it, then damaged the ways a copy of a segment being written can be.
 */
@Timeout(60)
class TornTailTest {
  @TempDir Path tmp;
  private Path swarm;
  private Path segment;
  private List<WalFrame> frames;
  private long dataEnd;

  @BeforeEach
  void copyOfTheLiveSegment() throws Exception {
    swarm = Fixtures.unpack("plain", tmp);
    segment = swarm.resolve("raft/wal-v3-encrypted/0000000000000000-0000000000000000.wal");
    frames = new ArrayList<>();
    try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      WalFrameScanner scanner = new WalFrameScanner(ch);
      WalFrame f;
      while ((f = scanner.next()) != null) {
        frames.add(f);
      }
      dataEnd = scanner.end().offset();
      ch.truncate(dataEnd);
    }
  }

  @Test
  void aSegmentThatEndsCleanlyIsLeftAlone() throws Exception {
    assertThat(new TornTail().cut(segment)).isEmpty();
    assertThat(Files.size(segment)).isEqualTo(dataEnd);
  }

  @Test
  void aFinalRecordCutMidWayIsDroppedAndTheStateStillVerifies() throws Exception {
    WalFrame last = frames.get(frames.size() - 1);
    try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
      ch.truncate(last.offset() + 8 + last.recordLength() / 2);
    }

    Optional<TornTail.Cut> cut = new TornTail().cut(segment);

    assertThat(cut).isPresent();
    assertThat(cut.get().keptBytes()).isEqualTo(last.offset());
    assertThat(cut.get().droppedBytes()).isEqualTo(8 + last.recordLength() / 2);
    assertThat(Files.size(segment)).isEqualTo(last.offset());
    VerifyReport verify = new SwarmStateVerifier().verify(swarm, Optional.empty());
    assertThat(verify.failed()).as(verify.findings().toString()).isFalse();
  }

  @Test
  void aWholeFinalFrameWhoseBytesAreNotAllWrittenYetIsDropped() throws Exception {
    WalFrame last = frames.get(frames.size() - 1);
    // the length word is there, the end of the record not: the preallocated zeros show through
    zero(last.recordOffset() + last.recordLength() - 3, 3);

    Optional<TornTail.Cut> cut = new TornTail().cut(segment);

    assertThat(cut).isPresent();
    assertThat(cut.get().keptBytes()).isEqualTo(last.offset());
    assertThat(cut.get().droppedBytes()).isEqualTo(dataEnd - last.offset());
    assertThat(cut.get().detail()).contains("CRC").doesNotContain("\n");
    assertThat(new SwarmStateVerifier().verify(swarm, Optional.empty()).failed()).isFalse();
  }

  @Test
  void aBadRecordFollowedByMoreRecordsIsDamageNotATornWrite() throws Exception {
    WalFrame earlier = frames.get(frames.size() - 3);
    zero(earlier.recordOffset() + earlier.recordLength() - 2, 2);

    assertThatThrownBy(() -> new TornTail().cut(segment))
        .isInstanceOf(CorruptStateException.class)
        .hasMessageContaining("followed by more records");
    assertThat(Files.size(segment)).isEqualTo(dataEnd);
  }

  private void zero(long offset, int length) throws Exception {
    try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.allocate(length), offset);
    }
  }
}
