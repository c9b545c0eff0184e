package dev.swarmsnap.swarmstate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.error.BadInputException;
import dev.swarmsnap.error.CorruptStateException;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.error.WrongUnlockKeyException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Real fixtures, damaged in code: every failure is a clean SwarmsnapException naming the place. */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DamagedStateTest {
  @TempDir Path tmp;

  private static final String NODE_KEY = "certificates/swarm-node.key";
  private static final String WAL =
      "raft/wal-v3-encrypted/0000000000000000-0000000000000000.wal";

  @Test
  void wrongUnlockKeyIsRefusedWithFingerprint() throws Exception {
    Path dir = Fixtures.unpack("locked", tmp);
    UnlockKey wrong = UnlockKey.parse("SWMKEY-1-FJYn6m3lb5chRgV07zs4K/Qpc/UDLRuNlOn++3DYTMI");
    assertThatThrownBy(() -> new SwarmStateReader().read(dir, Optional.of(wrong)))
        .isInstanceOf(WrongUnlockKeyException.class)
        .hasMessageContaining("this unlock key does not open this swarm")
        .hasMessageContaining(wrong.fingerprint())
        .hasMessageNotContaining("FJYn6m3l");
  }

  @Test
  void keyFromBeforeTheRotationIsAWrongKey() throws Exception {
    Path dir = Fixtures.unpack("locked", tmp);
    assertThatThrownBy(() -> new SwarmStateReader().read(dir, Fixtures.key("locked/unlock-key.old")))
        .isInstanceOf(WrongUnlockKeyException.class);
  }

  @Test
  void lockedSwarmWithoutKeyAsksForOne() throws Exception {
    Path dir = Fixtures.unpack("locked", tmp);
    assertThatThrownBy(() -> new SwarmStateReader().read(dir, Optional.empty()))
        .isInstanceOf(SwarmsnapException.class)
        .hasMessageContaining("autolocked");
  }

  @Test
  void clusterUnlockKeyFingerprintMatchesTheCurrentKey() throws Exception {
    Path dir = Fixtures.unpack("locked", tmp);
    var key = Fixtures.key("locked/unlock-key");
    var state = new SwarmStateReader().read(dir, key);
    assertThat(state.cluster().autolockManagers()).isTrue();
    assertThat(state.cluster().unlockKeyFingerprint()).contains(key.get().fingerprint());
  }

  @Test
  void bitFlipMidWalNamesFileAndOffset() throws Exception {
    Path dir = Fixtures.unpack("plain", tmp);
    Path wal = dir.resolve(WAL);
    long mid = Files.size(wal) / 2;
    flip(wal, mid);
    assertThatThrownBy(() -> new SwarmStateReader().read(dir, Optional.empty()))
        .isInstanceOf(CorruptStateException.class)
        .hasMessageContaining(wal.toString())
        .hasMessageContaining("offset");
    VerifyReport report = new SwarmStateVerifier().verify(dir, Optional.empty());
    assertThat(report.failed()).isTrue();
    assertThat(report.findings()).anySatisfy(f -> {
      assertThat(f.check()).startsWith("6");
      assertThat(f.level()).isEqualTo(Finding.Level.FAIL);
    });
  }

  @Test
  void truncationAtEveryRecordBoundaryReadsOrFailsCleanly() throws Exception {
    Path dir = Fixtures.unpack("plain", tmp);
    Path wal = dir.resolve(WAL);
    byte[] whole = Files.readAllBytes(wal);
    List<Long> boundaries = frameBoundaries(whole);
    assertThat(boundaries).hasSizeGreaterThan(20);
    int read = 0;
    for (long cut : boundaries) {
      for (long at : new long[] {cut, Math.min(cut + 5, whole.length)}) {
        Files.write(wal, java.util.Arrays.copyOf(whole, (int) at));
        try {
          new SwarmStateReader().read(dir, Optional.empty());
          read++;
        } catch (SwarmsnapException expected) {
          assertThat(expected.getMessage()).isNotBlank();
        }
        VerifyReport r = new SwarmStateVerifier().verify(dir, Optional.empty());
        assertThat(r.findings()).isNotEmpty();
      }
    }
    assertThat(read).isGreaterThan(0);
  }

  @Test
  void snapshotOfAnotherClusterIsACleanError() throws Exception {
    Path snapDir = Fixtures.unpack("snap", tmp);
    Path plain = Fixtures.unpack("plain", tmp);
    Path snap;
    try (Stream<Path> s = Files.list(snapDir.resolve("raft/snap-v3-encrypted"))) {
      snap = s.findFirst().orElseThrow();
    }
    Files.copy(snap, plain.resolve("raft/snap-v3-encrypted").resolve(snap.getFileName()),
        StandardCopyOption.REPLACE_EXISTING);
    assertThatThrownBy(() -> new SwarmStateReader().read(plain, Optional.empty()))
        .isInstanceOf(CorruptStateException.class)
        .hasMessageContaining(snap.getFileName().toString());
  }

  @Test
  void snapshotNewerThanTheWalFailsCheck7() throws Exception {
    Path dir = Fixtures.unpack("snap", tmp);
    Path snapDir = dir.resolve("raft/snap-v3-encrypted");
    Path snap;
    try (Stream<Path> s = Files.list(snapDir)) {
      snap = s.findFirst().orElseThrow();
    }
    // same content under a newer name: the WAL has no snapshot record for it (docs/swarm-state-format.md §7.2)
    Path newer = snapDir.resolve("0000000000000002-0000000000000040.snap");
    Files.move(snap, newer);
    rewriteSnapshotIndex(newer, 0x40);
    VerifyReport report = new SwarmStateVerifier().verify(dir, Optional.empty());
    assertThat(report.findings())
        .anySatisfy(f -> {
          assertThat(f.check()).startsWith("7");
          assertThat(f.level()).isEqualTo(Finding.Level.FAIL);
        });
  }

  @Test
  void secretsAreRedactedUnlessRevealed() throws Exception {
    Path dir = Fixtures.unpack("plain", tmp);
    var state = new SwarmStateReader().read(dir, Optional.empty());
    assertThat(state.secrets()).singleElement().satisfies(s -> {
      assertThat(s.name()).isEqualTo("rdr_secret");
      assertThat(s.labels()).containsEntry("team", "blue");
      assertThat(s.value()).isEmpty();
    });
    assertThat(state.toString()).doesNotContain("s3cr3t-value");
    var revealed = new SwarmStateReader().read(dir, Optional.empty(), true);
    assertThat(new String(revealed.secrets().get(0).value().orElseThrow().reveal()))
        .isEqualTo("s3cr3t-value");
    assertThat(revealed.toString()).doesNotContain("s3cr3t-value");
  }

  @Test
  void verifyOfAGoodFixtureIsAllOk() throws Exception {
    Path dir = Fixtures.unpack("snap", tmp);
    VerifyReport r = new SwarmStateVerifier().verify(dir, Optional.empty());
    assertThat(r.failed()).as(r.findings().toString()).isFalse();
    assertThat(r.findings()).hasSize(13);
    assertThat(r.state()).isPresent();
  }

  @Test
  void nodeKeyLinkedToDevZeroIsRefusedByName() throws Exception {
    Path dir = Fixtures.unpack("plain", tmp);
    Path key = dir.resolve(NODE_KEY);
    Files.delete(key);
    Files.createSymbolicLink(key, Path.of("/dev/zero"));
    assertRefused(() -> new SwarmStateReader().read(dir, Optional.empty()), key, "is a symbolic link");
    assertRefused(() -> new SwarmStateVerifier().verify(dir, Optional.empty()), key, "is a symbolic link");
  }

  @Test
  void nodeKeyThatIsAFifoIsRefusedWithoutBlocking() throws Exception {
    Path dir = Fixtures.unpack("plain", tmp);
    Path key = dir.resolve(NODE_KEY);
    Files.delete(key);
    Process p = new ProcessBuilder("mkfifo", key.toString()).inheritIO().start();
    assertThat(p.waitFor()).isZero();
    assertRefused(() -> new SwarmStateVerifier().verify(dir, Optional.empty()), key, "is a FIFO");
  }

  @Test
  void certificateLinkedOutOfTheSwarmDirectoryIsRefused() throws Exception {
    Path dir = Fixtures.unpack("plain", tmp);
    Path crt = dir.resolve("certificates/swarm-node.crt");
    Path outside = Files.copy(crt, tmp.resolve("elsewhere.crt"));
    Files.delete(crt);
    Files.createSymbolicLink(crt, outside);
    assertRefused(() -> new SwarmStateReader().read(dir, Optional.empty()), crt, "is a symbolic link");
  }

  @Test
  void certificateOverOneMebibyteIsRefusedSayingTheCap() throws Exception {
    Path dir = Fixtures.unpack("plain", tmp);
    Path crt = dir.resolve("certificates/swarm-node.crt");
    Files.write(crt, new byte[(1 << 20) + 1], java.nio.file.StandardOpenOption.APPEND);
    assertRefused(() -> new SwarmStateVerifier().verify(dir, Optional.empty()), crt, "is larger than 1 MiB");
  }

  @Test
  void nodeKeyNoParserCanReadIsAFailNotAMismatch() throws Exception {
    Path dir = Fixtures.unpack("plain", tmp);
    Path key = dir.resolve(NODE_KEY);
    String pem = Files.readString(key);
    int body = pem.indexOf("\n\n") + 2;
    // One base64 character: the DER's first byte is no longer a SEQUENCE tag.
    Files.writeString(key, pem.substring(0, body) + (pem.charAt(body) == 'N' ? 'M' : 'N') + pem.substring(body + 1));
    VerifyReport report = new SwarmStateVerifier().verify(dir, Optional.empty());
    assertThat(report.findings()).anySatisfy(f -> {
      assertThat(f.check()).isEqualTo("3 node-key");
      assertThat(f.level()).isEqualTo(Finding.Level.FAIL);
      assertThat(f.reason()).contains(key.toString()).contains("private key");
    });
    assertThatThrownBy(() -> new SwarmStateReader().read(dir, Optional.empty()))
        .isInstanceOf(CorruptStateException.class)
        .hasMessageContaining(key.toString());
  }

  private static void assertRefused(Runnable read, Path file, String why) {
    assertThatThrownBy(read::run)
        .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
        .hasMessageStartingWith(file + " ")
        .hasMessageContaining(why);
  }

  private static void flip(Path f, long at) throws Exception {
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.seek(at);
      int b = raf.read();
      raf.seek(at);
      raf.write(b ^ 0x10);
    }
  }

  private static List<Long> frameBoundaries(byte[] wal) {
    java.util.ArrayList<Long> out = new java.util.ArrayList<>();
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(wal).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    long pos = 0;
    while (pos + 8 <= wal.length) {
      long w = b.getLong((int) pos);
      if (w == 0) {
        break;
      }
      long len = w & 0x00FFFFFFFFFFFFFFL;
      long pad = w < 0 ? (w >>> 56) & 7 : 0;
      pos += 8 + len + pad;
      out.add(pos);
    }
    return out;
  }

  /** Rewrites the raftpb.SnapshotMetadata index inside a .snap (and its CRC) via the protos. */
  private static void rewriteSnapshotIndex(Path snap, long index) throws Exception {
    var outer = dev.swarmsnap.swarmstate.proto.snappb.snapshot.parseFrom(Files.readAllBytes(snap));
    var raft = dev.swarmsnap.swarmstate.proto.raftpb.Snapshot.parseFrom(outer.getData());
    var data = raft.toBuilder().setMetadata(raft.getMetadata().toBuilder().setIndex(index)).build()
        .toByteString();
    var crc = new java.util.zip.CRC32C();
    crc.update(data.asReadOnlyByteBuffer());
    Files.write(snap, outer.toBuilder().setData(data).setCrc((int) crc.getValue()).build()
        .toByteArray());
  }
}
