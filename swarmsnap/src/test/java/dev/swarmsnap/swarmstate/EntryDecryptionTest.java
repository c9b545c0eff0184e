package dev.swarmsnap.swarmstate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.swarmsnap.error.CorruptStateException;
import dev.swarmsnap.swarmstate.proto.raftpb.Entry;
import dev.swarmsnap.swarmstate.proto.raftpb.EntryType;
import dev.swarmsnap.swarmstate.proto.swarmkit.MaybeEncryptedRecord;
import dev.swarmsnap.swarmstate.proto.walpb.Record;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entries are opened on worker threads (InOrderWorkers) but a record no DEK opens is still
 * reported for its own file and offset, and the first such record in log order is the one named.
 * The WAL is rewritten with valid framing and CRC chain, so only the decryption can fail.
 */
@Timeout(120)
class EntryDecryptionTest {
  private static final String WAL = "raft/wal-v3-encrypted/0000000000000000-0000000000000000.wal";
  @TempDir Path tmp;

  @Test
  void anEntryNoDekOpensNamesItsFileAndOffset() throws Exception {
    Path dir = Fixtures.unpack("plain", tmp);
    Path wal = dir.resolve(WAL);
    List<Long> damaged = tamperEntries(wal, 3, 7);

    assertThatThrownBy(() -> new SwarmStateReader().read(dir, Optional.empty()))
        .isInstanceOf(CorruptStateException.class)
        .hasMessageContaining(wal + " at offset " + damaged.get(0) + ":")
        .hasMessageContaining("an entry that opens with this node's DEK");

    VerifyReport report = new SwarmStateVerifier().verify(dir, Optional.empty());
    assertThat(report.findings()).filteredOn(f -> f.level() == Finding.Level.FAIL)
        .singleElement().satisfies(f -> {
          assertThat(f.check()).startsWith("9");
          assertThat(f.reason()).contains(wal + " at offset " + damaged.get(0) + ":");
        });
  }

  @Test
  void anUntouchedRewriteStillReads() throws Exception {
    Path dir = Fixtures.unpack("plain", tmp);
    tamperEntries(dir.resolve(WAL));
    VerifyReport report = new SwarmStateVerifier().verify(dir, Optional.empty());
    assertThat(report.failed()).as(report.findings().toString()).isFalse();
  }

  /**
   * Rewrites the segment record by record, flipping a ciphertext bit in the given (0-based)
   * normal entries with data, re-chaining the CRCs and re-framing; returns the new frame offsets
   * of the damaged entries.
   */
  private static List<Long> tamperEntries(Path wal, int... which) throws Exception {
    byte[] whole = Files.readAllBytes(wal);
    ByteBuffer in = ByteBuffer.wrap(whole).order(ByteOrder.LITTLE_ENDIAN);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<Long> offsets = new ArrayList<>();
    int crc = 0;
    int entry = 0;
    int pos = 0;
    while (pos + 8 <= whole.length && in.getLong(pos) != 0) {
      long word = in.getLong(pos);
      int len = (int) (word & 0x00FFFFFFFFFFFFFFL);
      int pad = word < 0 ? (int) ((word >>> 56) & 7) : 0;
      Record rec = Record.parseFrom(ByteBuffer.wrap(whole, pos + 8, len));
      pos += 8 + len + pad;
      ByteString data = rec.getData();
      if (rec.getType() == 4) {
        crc = rec.getCrc(); // the chain's seed
      } else {
        if (rec.getType() == 2) {
          Entry e = Entry.parseFrom(data);
          if (e.getType() == EntryType.EntryNormal && !e.getData().isEmpty()) {
            if (contains(which, entry)) {
              MaybeEncryptedRecord m = MaybeEncryptedRecord.parseFrom(e.getData());
              assertThat(m.getAlgorithmValue()).isEqualTo(1);
              byte[] box = m.getData().toByteArray();
              box[box.length - 1] ^= 0x01;
              data = e.toBuilder().setData(m.toBuilder().setData(ByteString.copyFrom(box)).build()
                  .toByteString()).build().toByteString();
              offsets.add((long) out.size());
            }
            entry++;
          }
        }
        crc = crc32cUpdate(crc, data.toByteArray());
        rec = rec.toBuilder().setData(data).setCrc(crc).build();
      }
      frame(out, rec.toByteArray());
    }
    assertThat(offsets).hasSize(which.length);
    byte[] rewritten = out.toByteArray();
    Files.write(wal, java.util.Arrays.copyOf(rewritten, Math.max(whole.length, rewritten.length)));
    return offsets;
  }

  private static boolean contains(int[] a, int v) {
    for (int x : a) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }

  private static void frame(ByteArrayOutputStream out, byte[] record) {
    int pad = (8 - record.length % 8) % 8;
    long word = record.length | (pad == 0 ? 0 : (long) (0x80 | pad) << 56);
    out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(word).array());
    out.writeBytes(record);
    out.writeBytes(new byte[pad]);
  }

  /** Go's crc32.Update with the Castagnoli table, bit by bit (docs/swarm-state-format.md §4.3). */
  private static int crc32cUpdate(int crc, byte[] data) {
    int c = ~crc;
    for (byte b : data) {
      c ^= b & 0xFF;
      for (int k = 0; k < 8; k++) {
        c = (c & 1) != 0 ? (c >>> 1) ^ 0x82F63B78 : c >>> 1;
      }
    }
    return ~c;
  }
}
