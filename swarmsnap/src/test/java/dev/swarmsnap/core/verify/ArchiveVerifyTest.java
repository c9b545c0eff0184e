package dev.swarmsnap.core.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.ZstdOutputStream;
import dev.swarmsnap.archive.ArchiveReader;
import dev.swarmsnap.core.inspect.InspectService;
import dev.swarmsnap.archive.manifest.ManifestCodec;
import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.error.WrongUnlockKeyException;
import dev.swarmsnap.swarmstate.Finding;
import dev.swarmsnap.swarmstate.Finding.Level;
import dev.swarmsnap.swarmstate.SwarmStateReader;
import dev.swarmsnap.swarmstate.model.SwarmState;
import dev.swarmsnap.testing.TestArchives;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** inspect and verify on archives of real state, read as a stream; damaged archives fail cleanly. */
class ArchiveVerifyTest {
  @TempDir Path tmp;

  private final ArchiveReader archives = new ArchiveReader(new ManifestCodec());
  private final VerifyService verify = new VerifyService(archives, Clock.systemUTC());

  @Test
  void anArchiveInspectsExactlyLikeTheDirectoryItWasMadeFrom() throws Exception {
    Path dir = RealState.unpack("snap", tmp);
    Path archive = TestArchives.write(dir, RealState.apiDocuments("snap"), Optional.empty(), tmp.resolve("a.swarmsnap"));

    SwarmState fromDir = new SwarmStateReader().read(dir, Optional.empty());
    SwarmState fromArchive = new InspectService(archives).inspect(archive, Optional.empty(), false).state();

    assertThat(fromArchive.configs()).isEqualTo(fromDir.configs());
    assertThat(fromArchive.services()).isEqualTo(fromDir.services());
    assertThat(fromArchive.nodes()).isEqualTo(fromDir.nodes());
    assertThat(fromArchive.raft()).isEqualTo(fromDir.raft());
    assertThat(fromArchive.cluster()).isEqualTo(fromDir.cluster());
  }

  @Test
  void verifyPassesOnAnArchiveWhoseApiSnapshotMatches() throws Exception {
    Path dir = RealState.unpack("plain", tmp);
    Path archive = TestArchives.write(dir, RealState.apiDocuments("plain"), Optional.empty(), tmp.resolve("a.swarmsnap"));

    Verification v = verify.verify(archive, Optional.empty());

    assertThat(v.failed()).as(v.findings().toString()).isFalse();
    assertThat(v.findings()).extracting(Finding::check)
        .contains("archive", "6 wal", "7 wal-has-snapshot-record", "certificate-expiry", "api cluster", "api services",
            "api configs", "api secrets", "api networks", "api nodes");
    assertThat(level(v, "api services")).isEqualTo(Level.OK);
    assertThat(level(v, "api networks")).isEqualTo(Level.OK);
  }

  @Test
  void aServiceVersionTheApiDidNotSeeFailsTheApiCheck() throws Exception {
    Path dir = RealState.unpack("plain", tmp);
    Map<String, byte[]> api = new TreeMap<>(RealState.apiDocuments("plain"));
    String services = new String(api.get("services"), StandardCharsets.UTF_8);
    api.put("services", services.replaceFirst("\"Index\":(\\d+)", "\"Index\":99999").getBytes(StandardCharsets.UTF_8));
    Path archive = TestArchives.write(dir, api, Optional.empty(), tmp.resolve("a.swarmsnap"));

    Verification v = verify.verify(archive, Optional.empty());

    assertThat(v.failed()).isTrue();
    assertThat(level(v, "api services")).isEqualTo(Level.FAIL);
    assertThat(reason(v, "api services")).contains("99999");
  }

  @Test
  void aBitFlipInTheArchiveFailsTheArchiveCheckAndInspectRefusesCleanly() throws Exception {
    Path dir = RealState.unpack("plain", tmp);
    Path archive = TestArchives.write(dir, RealState.apiDocuments("plain"), Optional.empty(), tmp.resolve("a.swarmsnap"));
    try (RandomAccessFile f = new RandomAccessFile(archive.toFile(), "rw")) {
      long at = f.length() * 2 / 3;
      f.seek(at);
      int b = f.read();
      f.seek(at);
      f.write(b ^ 0x10);
    }

    try {
      Verification v = verify.verify(archive, Optional.empty());
      assertThat(v.failed()).isTrue();
      assertThat(level(v, "archive")).isEqualTo(Level.FAIL);
    } catch (SwarmsnapException e) {
      assertThat(e.getMessage()).contains(archive.toString());
    }
    assertThatThrownBy(() -> new InspectService(archives).inspect(archive, Optional.empty(), false))
        .isInstanceOf(SwarmsnapException.class)
        .hasMessageContaining(archive.toString());
  }

  @Test
  void aTruncatedArchiveIsReportedAtEveryCut() throws Exception {
    Path dir = RealState.unpack("plain", tmp);
    Path archive = TestArchives.write(dir, Map.of(), Optional.empty(), tmp.resolve("a.swarmsnap"));
    byte[] whole = Files.readAllBytes(archive);
    for (int cut : new int[] {whole.length / 5, whole.length / 2, whole.length - 40}) {
      Path t = tmp.resolve("cut-" + cut + ".swarmsnap");
      Files.write(t, java.util.Arrays.copyOf(whole, cut));
      try {
        Verification v = verify.verify(t, Optional.empty());
        assertThat(v.failed()).as("cut at %d", cut).isTrue();
      } catch (SwarmsnapException e) {
        assertThat(e.getMessage()).contains(t.toString());
      }
    }
  }

  @Test
  void anEntryWithDotDotIsRefusedAndNothingIsWritten() throws Exception {
    Path dir = RealState.unpack("plain", tmp);
    Path good = TestArchives.write(dir, Map.of(), Optional.empty(), tmp.resolve("good.swarmsnap"));
    var manifest = archives.readManifest(good);
    Path hostile = tmp.resolve("hostile.swarmsnap");
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new ZstdOutputStream(Files.newOutputStream(hostile)), "UTF-8")) {
      put(tar, "manifest.json", new ManifestCodec().encode(manifest));
      put(tar, "swarm/../../escaped", "x".getBytes(StandardCharsets.UTF_8));
    }
    long before;
    try (var s = Files.walk(tmp)) {
      before = s.count();
    }

    assertThatThrownBy(() -> new InspectService(archives).inspect(hostile, Optional.empty(), false))
        .isInstanceOf(SwarmsnapException.class)
        .hasMessageContaining("..");
    Verification v = verify.verify(hostile, Optional.empty());
    assertThat(v.failed()).isTrue();
    assertThat(reason(v, "archive")).contains("..");
    try (var s = Files.walk(tmp)) {
      assertThat(s.count()).isEqualTo(before);
    }
  }

  @Test
  void aWrongKeyOnALockedArchiveNamesBothFingerprints() throws Exception {
    Path dir = RealState.unpack("locked", tmp);
    UnlockKey current = UnlockKey.parse(Files.readString(RealState.resource("locked/unlock-key")));
    UnlockKey old = UnlockKey.parse(Files.readString(RealState.resource("locked/unlock-key.old")));
    Path archive = TestArchives.write(dir, Map.of(), Optional.of(current.fingerprint()), tmp.resolve("l.swarmsnap"));

    assertThatThrownBy(() -> verify.verify(archive, Optional.of(old)))
        .isInstanceOf(WrongUnlockKeyException.class)
        .hasMessageContaining("this unlock key does not open this swarm")
        .hasMessageContaining(old.fingerprint())
        .hasMessageContaining(current.fingerprint());
    assertThat(verify.verify(archive, Optional.of(current)).failed()).isFalse();
  }

  @Test
  void aRotatedKeyOnALockedDirectoryNamesItsFingerprintAndTheKekVersionTheNodeKeyNeeds() throws Exception {
    Path dir = RealState.unpack("locked", tmp);
    UnlockKey current = UnlockKey.parse(Files.readString(RealState.resource("locked/unlock-key")));
    UnlockKey old = UnlockKey.parse(Files.readString(RealState.resource("locked/unlock-key.old")));

    // a directory holds the fitting key's fingerprint only in the cluster object that key seals
    assertThatThrownBy(() -> verify.verify(dir, Optional.of(old)))
        .isInstanceOf(WrongUnlockKeyException.class)
        .hasMessageContaining("this unlock key does not open this swarm (key fingerprint " + old.fingerprint())
        .hasMessageContaining("sealed by the unlock key of kek-version 28,")
        .hasMessageNotContaining(current.fingerprint());
  }

  private static void put(TarArchiveOutputStream tar, String name, byte[] content) throws Exception {
    TarArchiveEntry e = new TarArchiveEntry(name, true);
    e.setSize(content.length);
    tar.putArchiveEntry(e);
    tar.write(content);
    tar.closeArchiveEntry();
  }

  private static Level level(Verification v, String check) {
    return v.findings().stream().filter(f -> f.check().equals(check)).findFirst().orElseThrow().level();
  }

  private static String reason(Verification v, String check) {
    return v.findings().stream().filter(f -> f.check().equals(check)).findFirst().orElseThrow().reason();
  }
}
