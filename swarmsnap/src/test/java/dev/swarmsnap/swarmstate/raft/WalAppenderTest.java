package dev.swarmsnap.swarmstate.raft;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.swarmstate.files.DirectorySwarmFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the appender writes, read back by the reader: framing, padding, the CRC chain, torn tails. */
class WalAppenderTest {
  private static final String NAME = "0000000000000000-0000000000000000.wal";
  @TempDir Path dir;
  private final WalAppender appender = new WalAppender();

  @Test
  void append_toAnEmptySegment_readsBackWithTheChainAndPadding() throws Exception {
    Path wal = Files.createFile(dir.resolve(NAME));

    long end = appender.append(new WalTail(wal, 0, false, "empty", 0), List.of(
        new WalAppender.NewRecord(WalRecord.CRC, new byte[0]),
        new WalAppender.NewRecord(WalRecord.METADATA, bytes("node-1")),
        new WalAppender.NewRecord(WalRecord.ENTRY, bytes("entry with 21 bytes!!"))));

    assertThat(end % 8).isZero();
    assertThat(Files.size(wal)).isEqualTo(end);
    List<WalRecord> read = new ArrayList<>();
    WalTail tail = new WalRecordReader().read(new DirectorySwarmFiles(dir), segments(wal), read::add);
    assertThat(read).extracting(WalRecord::type).containsExactly(WalRecord.METADATA, WalRecord.ENTRY);
    assertThat(read.get(1).data().toByteArray()).isEqualTo(bytes("entry with 21 bytes!!"));
    assertThat(tail.torn()).isFalse();
    assertThat(tail.validEnd()).isEqualTo(end);
  }

  @Test
  void append_afterATornTail_overwritesItCutsTheRestAndKeepsTheOldBytes() throws Exception {
    Path wal = Files.createFile(dir.resolve(NAME));
    long good = appender.append(new WalTail(wal, 0, false, "empty", 0), List.of(
        new WalAppender.NewRecord(WalRecord.CRC, new byte[0]),
        new WalAppender.NewRecord(WalRecord.METADATA, bytes("node-1"))));
    // a frame that claims 64 bytes but has 20 of junk: a write torn by a crash (docs/swarm-state-format.md §4.6)
    Files.write(wal, new WalBytes().word(64).bytes(filled(20, (byte) 0x5a)).toByteArray(),
        java.nio.file.StandardOpenOption.APPEND);
    byte[] before = Files.readAllBytes(wal);
    WalTail torn = new WalRecordReader().read(new DirectorySwarmFiles(dir), segments(wal), r -> { });
    assertThat(torn.torn()).isTrue();
    assertThat(torn.validEnd()).isEqualTo(good);

    long end = appender.append(torn, List.of(new WalAppender.NewRecord(WalRecord.STATE, bytes("hs"))));

    byte[] after = Files.readAllBytes(wal);
    assertThat(Arrays.copyOf(after, (int) good)).isEqualTo(Arrays.copyOf(before, (int) good));
    assertThat(after.length).isEqualTo((int) end);
    List<WalRecord> read = new ArrayList<>();
    WalTail tail = new WalRecordReader().read(new DirectorySwarmFiles(dir), segments(wal), read::add);
    assertThat(read).extracting(WalRecord::type).containsExactly(WalRecord.METADATA, WalRecord.STATE);
    assertThat(tail.torn()).isFalse();
    assertThat(tail.validEnd()).isEqualTo(end);
  }

  @Test
  void lengthWord_encodeIsWhatDecodeAccepts() {
    for (long length : new long[] {1, 4, 7, 8, 65, 170, 900_169}) {
      assertThat(LengthWord.decode(LengthWord.encode(length)))
          .hasValue(new LengthWord(length, (int) ((8 - length % 8) % 8)));
    }
  }

  private List<WalSegment> segments(Path wal) {
    return List.of(WalSegment.of(NAME, wal).orElseThrow());
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] filled(int n, byte b) {
    byte[] a = new byte[n];
    Arrays.fill(a, b);
    return a;
  }
}
