package dev.swarmsnap.swarmstate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SwarmDirectoryUsageTest {
  @TempDir Path swarm;

  @Test
  void countsWalOnlyUpToItsLastFrameAndSkipsTmpSegments() throws IOException {
    write("docker-state.json", new byte[203]);
    write("certificates/swarm-node.key", new byte[316]);
    write("raft/snap-v3-encrypted/0000000000000002-000000000000023f.snap", new byte[5083]);
    // closed segment: two frames, file ends exactly at a boundary
    byte[] closed = concat(frame(4), frame(65));
    write("raft/wal-v3-encrypted/0000000000000000-0000000000000000.wal", closed);
    // live segment: one frame, then preallocated zeros
    byte[] live = concat(frame(170), new byte[10_000]);
    write("raft/wal-v3-encrypted/0000000000000001-00000000000004b0.wal", live);
    write("raft/wal-v3-encrypted/0.tmp", new byte[20_000]);

    var usage = new SwarmDirectoryUsage().measure(swarm);

    long walData = (8 + 4 + 4) + (8 + 65 + 7) + (8 + 170 + 6);
    assertThat(usage.realDataBytes()).isEqualTo(203 + 316 + 5083 + walData);
    assertThat(usage.allocatedBytes())
        .isEqualTo(203 + 316 + 5083 + closed.length + live.length + 20_000);
    assertThat(usage.walSegments()).isEqualTo(2);
  }

  @Test
  void dataFilesNameEachFileAndItsCopyLength() throws IOException {
    write("raft/wal-v3-encrypted/0000000000000000-0000000000000000.wal",
        concat(frame(4), new byte[64]));
    write("raft/wal-v3-encrypted/1.tmp", new byte[64]);
    write("state.json", new byte[65]);

    var files = new SwarmDirectoryUsage().dataFiles(swarm);

    assertThat(files)
        .containsExactly(
            new SwarmDirectoryUsage.DataFile(
                Path.of("raft/wal-v3-encrypted/0000000000000000-0000000000000000.wal"),
                16,
                80,
                true),
            new SwarmDirectoryUsage.DataFile(Path.of("state.json"), 65, 65, false));
  }

  @Test
  void tornTailCountsOnlyTheWholeFrames() throws IOException {
    byte[] torn = concat(frame(4), frame(100));
    byte[] cut = java.util.Arrays.copyOf(torn, 16 + 50);
    write("raft/wal-v3-encrypted/0000000000000000-0000000000000000.wal", cut);
    assertThat(new SwarmDirectoryUsage().measure(swarm).realDataBytes()).isEqualTo(16);
  }

  @Test
  void hugeLengthWordStopsTheScanWithoutAllocating() throws IOException {
    byte[] word = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 60).array();
    write("raft/wal-v3-encrypted/0000000000000000-0000000000000000.wal",
        concat(frame(4), word, new byte[32]));
    assertThat(new SwarmDirectoryUsage().measure(swarm).realDataBytes()).isEqualTo(16);
  }

  @Test
  void missingDirectoryIsNotFound() {
    assertThatThrownBy(() -> new SwarmDirectoryUsage().measure(swarm.resolve("nope")))
        .isInstanceOfSatisfying(
            SwarmsnapException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.NOT_FOUND));
  }

  private void write(String rel, byte[] bytes) throws IOException {
    Path p = swarm.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.write(p, bytes);
  }

  private static byte[] frame(int recordLength) {
    int pad = (8 - recordLength % 8) % 8;
    long word = recordLength | (pad == 0 ? 0 : (long) (0x80 | pad) << 56);
    ByteBuffer b = ByteBuffer.allocate(8 + recordLength + pad).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(word);
    for (int i = 0; i < recordLength; i++) {
      b.put((byte) 0x5a);
    }
    return b.array();
  }

  private static byte[] concat(byte[]... parts) {
    var out = new java.io.ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
