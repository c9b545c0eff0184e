package dev.swarmsnap.swarmstate.raft;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class Crc32cTest {
  private final Crc32c crc = new Crc32c();

  @Test
  void standardCheckValueOf123456789() {
    byte[] data = "123456789".getBytes(StandardCharsets.US_ASCII);
    assertThat(crc.update(0, data)).isEqualTo(0xe3069283);
  }

  @Test
  void emptyInputKeepsTheSeed() {
    assertThat(crc.update(0x2a57de24, new byte[0])).isEqualTo(0x2a57de24);
  }

  @Test
  void chainingEqualsOneRunOverTheConcatenation() {
    byte[] all = "the quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII);
    int whole = crc.update(0, all);
    int chained = crc.update(crc.update(0, all, 0, 10), all, 10, all.length - 10);
    assertThat(chained).isEqualTo(whole);
  }

  @Test
  void agreesWithTheJdkFromZeroButNotFromASeed() {
    byte[] data = new byte[1000];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i * 31 + 7);
    }
    CRC32C jdk = new CRC32C();
    jdk.update(data);
    assertThat(crc.update(0, data)).isEqualTo((int) jdk.getValue());
    // seeded: the value the WAL's crc record carries into the next segment (docs/swarm-state-format.md §4.3)
    int seeded = crc.update(0x5a214488, data);
    assertThat(seeded).isNotEqualTo((int) jdk.getValue());
  }

  @Test
  void walExampleChainFromTheFormatDoc() {
    // docs/swarm-state-format.md §6: metadata record data, CRC after it is 5a214488 from a zero start; the empty
    // snapshot record {0,0} = 08 00 10 00 then gives 2a57de24.
    byte[] snapshotRecordData = {0x08, 0x00, 0x10, 0x00};
    assertThat(crc.update(0x5a214488, snapshotRecordData)).isEqualTo(0x2a57de24);
  }

  @Test
  void largeRecordsTakeTheJdkPathAndStillChainLikeTheTable() {
    java.util.Random random = new java.util.Random(7);
    for (int len : new int[] {255, 256, 257, 1000, 4096, 65_537, 500_000}) {
      byte[] data = new byte[len];
      random.nextBytes(data);
      int seed = random.nextInt();
      // byte by byte stays below the combine threshold: the reference
      int reference = seed;
      for (int i = 0; i < len; i++) {
        reference = crc.update(reference, data, i, 1);
      }
      assertThat(crc.update(seed, data)).as("length %d", len).isEqualTo(reference);
    }
  }
}
