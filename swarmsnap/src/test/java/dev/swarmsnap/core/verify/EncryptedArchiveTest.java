package dev.swarmsnap.core.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmsnap.archive.ArchiveReader;
import dev.swarmsnap.archive.CorruptArchiveException;
import dev.swarmsnap.archive.ExtractionLimits;
import dev.swarmsnap.archive.NotASwarmsnapArchiveException;
import dev.swarmsnap.archive.ProgressListener;
import dev.swarmsnap.archive.SafeExtractor;
import dev.swarmsnap.archive.manifest.ManifestCodec;
import dev.swarmsnap.crypto.age.AgeIdentities;
import dev.swarmsnap.crypto.age.AgeRecipients;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.testing.Await;
import dev.swarmsnap.testing.HostCommand;
import dev.swarmsnap.testing.Swarmsnap;
import dev.swarmsnap.testing.TestArchives;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Age-encrypted archives of real state: interop with the reference age CLI both ways, and a clear
 * error with nothing written for a missing or wrong identity, a flipped byte or a cut file.
 */
@Timeout(120)
class EncryptedArchiveTest {
  @TempDir Path tmp;
  private Path dir;
  private Path identity;
  private String recipient;
  private Path otherIdentity;

  @BeforeEach
  void keysAndState() throws Exception {
    dir = RealState.unpack("plain", tmp);
    identity = tmp.resolve("identity.txt");
    otherIdentity = tmp.resolve("other.txt");
    requireOk(HostCommand.run("age-keygen", "-o", identity.toString()));
    requireOk(HostCommand.run("age-keygen", "-o", otherIdentity.toString()));
    recipient = requireOk(HostCommand.run("age-keygen", "-y", identity.toString())).output().strip();
  }

  private Path encrypted() throws Exception {
    // Incompressible bytes, so that the payload spans several 64 KiB age chunks.
    byte[] noise = new byte[300_000];
    new java.util.Random(7).nextBytes(noise);
    Files.write(dir.resolve("padding.bin"), noise);
    return TestArchives.write(dir, RealState.apiDocuments("plain"), Optional.empty(), tmp.resolve("a.swarmsnap.age"),
        Optional.of(AgeRecipients.of(List.of(recipient), List.of())));
  }

  @Test
  void theAgeCliDecryptsWhatSwarmsnapEncryptedIntoAValidArchive() throws Exception {
    Path archive = encrypted();
    byte[] bytes = Files.readAllBytes(archive);
    assertThat(new String(bytes, 0, 22, StandardCharsets.US_ASCII)).isEqualTo("age-encryption.org/v1\n");
    assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain("manifest.json").doesNotContain("swarm/raft");
    assertThat(Files.getPosixFilePermissions(archive))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    Path decrypted = tmp.resolve("decrypted.swarmsnap");
    requireOk(HostCommand.run("age", "-d", "-i", identity.toString(), "-o", decrypted.toString(), archive.toString()));
    Swarmsnap.Run verify = Swarmsnap.run(Map.of(), "verify", decrypted.toString());

    assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
  }

  @Test
  void swarmsnapReadsWhatTheAgeCliEncrypted() throws Exception {
    Path plain = TestArchives.write(dir, RealState.apiDocuments("plain"), Optional.empty(), tmp.resolve("p.swarmsnap"));
    Path archive = tmp.resolve("p.swarmsnap.age");
    requireOk(HostCommand.run("age", "-r", recipient, "-o", archive.toString(), plain.toString()));
    String id = identity.toString();

    Swarmsnap.Run verify = Swarmsnap.run(Map.of(), "verify", archive.toString(), "--identity", otherIdentity.toString(),
        "--identity", id);
    Swarmsnap.Run inspect = Swarmsnap.run(Map.of(), "inspect", archive.toString(), "--identity", id, "--json");
    Swarmsnap.Run check = Swarmsnap.run(Map.of(), "key", "check", archive.toString(), "--identity", id);

    assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
    assertThat(inspect.code()).as(inspect.err()).isZero();
    assertThat(inspect.json().path("archive").asBoolean()).isTrue();
    assertThat(check.code()).as(check.err()).isZero();
    assertThat(check.out()).contains("not autolocked");
  }

  @Test
  void withoutAnIdentityTheErrorSaysOneIsNeeded() throws Exception {
    Path archive = encrypted();
    for (String command : List.of("verify", "inspect")) {
      Swarmsnap.Run run = Swarmsnap.run(Map.of(), command, archive.toString());

      assertThat(run.code()).as(command).isEqualTo(ExitCode.USAGE.code());
      assertThat(run.err()).contains("is encrypted (age)").contains("--identity");
      assertThat(run.out()).as(command).isEmpty();
    }
  }

  @Test
  void aWrongIdentityIsRefusedClearly() throws Exception {
    Path archive = encrypted();

    Swarmsnap.Run run = Swarmsnap.run(Map.of(), "verify", archive.toString(), "--identity", otherIdentity.toString());

    assertThat(run.code()).isEqualTo(ExitCode.FAILED.code());
    assertThat(run.err()).contains("cannot be decrypted").contains("is one of its recipients");
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).doesNotContain(Files.readString(otherIdentity).lines()
        .filter(l -> l.startsWith("AGE-SECRET-KEY-")).findFirst().orElseThrow());
  }

  @Test
  void aPassphraseEncryptedFileIsNamedAsSuchWithTheWayOut() throws Exception {
    // What 'age -p' writes (it reads the passphrase only from a terminal, so the header is built here).
    byte[] header = ("age-encryption.org/v1\n-> scrypt AAAAAAAAAAAAAAAAAAAAAA 18\n"
        + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n--- AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n")
        .getBytes(StandardCharsets.US_ASCII);
    Path archive = tmp.resolve("p.swarmsnap.age");
    Files.write(archive, header);

    for (List<String> identityArgs : List.of(List.<String>of(), List.of("--identity", identity.toString()))) {
      List<String> args = new java.util.ArrayList<>(List.of("verify", archive.toString()));
      args.addAll(identityArgs);
      Swarmsnap.Run run = Swarmsnap.run(Map.of(), args.toArray(String[]::new));

      assertThat(run.code()).isEqualTo(ExitCode.FAILED.code());
      assertThat(run.err()).contains("encrypted with a passphrase (age -p)").contains("age -d");
    }
  }

  @Test
  void aFlippedByteAnywhereIsAClearErrorAndNothingIsPrintedOrExtracted() throws Exception {
    Path archive = encrypted();
    byte[] good = Files.readAllBytes(archive);
    int payload = payloadStart(good);
    assertThat(good.length - payload).as("the fixture spans several 64 KiB chunks").isGreaterThan(3 * 65_536);
    int[] positions = {
      30, // the recipient stanza
      payload - 20, // the header MAC
      payload + 3, // the payload nonce
      payload + 16 + 100, // first chunk
      payload + 16 + 65_536 + 16 + 7, // second chunk
      good.length - 40, // last chunk
      good.length - 1 // last chunk's tag
    };
    for (int position : positions) {
      byte[] bad = good.clone();
      bad[position] ^= 0x01;
      Path tampered = tmp.resolve("tampered-" + position + ".swarmsnap.age");
      Files.write(tampered, bad);

      assertRefused(tampered, "flip at " + position);
    }
  }

  @Test
  void aCutFileIsAClearErrorAndNothingIsPrintedOrExtracted() throws Exception {
    Path archive = encrypted();
    byte[] good = Files.readAllBytes(archive);
    int payload = payloadStart(good);
    int[] cuts = {payload - 30, payload, payload + 16 + 100, payload + 16 + 65_536 + 16, good.length / 2, good.length - 1};
    for (int cut : cuts) {
      Path truncated = tmp.resolve("cut-" + cut + ".swarmsnap.age");
      Files.write(truncated, Arrays.copyOf(good, cut));

      assertRefused(truncated, "cut at " + cut);
    }
  }

  /** verify, inspect and extraction each fail with a clear message, print nothing and leave nothing. */
  private void assertRefused(Path archive, String what) throws Exception {
    String id = identity.toString();
    Swarmsnap.Run verify = Swarmsnap.run(Map.of(), "verify", archive.toString(), "--identity", id);
    assertThat(verify.code()).as(what + ": " + verify.err()).isIn(ExitCode.VERIFY_FAILED.code(), ExitCode.FAILED.code());
    assertThat(verify.err()).as(what).contains(archive.toString())
        .containsAnyOf("corrupt", "truncated", "cannot be decrypted");
    assertThat(verify.out()).as(what).isEmpty();

    Swarmsnap.Run inspect = Swarmsnap.run(Map.of(), "inspect", archive.toString(), "--identity", id);
    assertThat(inspect.code()).as(what).isEqualTo(verify.code());
    assertThat(inspect.out()).as(what).isEmpty();

    Path target = tmp.resolve("extracted");
    try (AgeIdentities identities = AgeIdentities.read(List.of(identity))) {
      SafeExtractor extractor = new SafeExtractor(new ManifestCodec(), ExtractionLimits.defaults(), identities);
      assertThatThrownBy(() -> extractor.extract(archive, target, ProgressListener.NONE))
          .as(what).isInstanceOf(SwarmsnapException.class);
    }
    assertThat(target).as(what).doesNotExist();
    assertNoDecryptingThreadLeft(what);
  }

  @Test
  void anAgeFileThatIsNotAnArchiveIsRefusedAndLeavesNoThreadBehind() throws Exception {
    // More than the decrypting thread reads ahead, so it would wait for room if nobody stopped it.
    byte[] noise = new byte[2_000_000];
    new java.util.Random(11).nextBytes(noise);
    Path plain = Files.write(tmp.resolve("noise.bin"), noise);
    Path archive = tmp.resolve("noise.swarmsnap.age");
    requireOk(HostCommand.run("age", "-r", recipient, "-o", archive.toString(), plain.toString()));

    try (AgeIdentities identities = AgeIdentities.read(List.of(identity))) {
      assertThatThrownBy(() -> new ArchiveReader(new ManifestCodec(), identities).verify(archive, ProgressListener.NONE))
          .isInstanceOf(NotASwarmsnapArchiveException.class)
          .hasMessageContaining("not zstd-compressed inside its age encryption");
    }
    assertNoDecryptingThreadLeft("not an archive");
  }

  /** Every reader stops the thread that decrypts ahead for it, on failure paths too. */
  private static void assertNoDecryptingThreadLeft(String what) {
    boolean none = Await.until(Duration.ofSeconds(5), () -> Thread.getAllStackTraces().keySet().stream()
        .noneMatch(t -> t.getName().equals("swarmsnap-age-decrypt") && t.isAlive()));
    assertThat(none).as(what + ": a decrypting thread is still alive").isTrue();
  }

  @Test
  void extractionFailsOnTheLastChunkAndRemovesWhatItWrote() throws Exception {
    Path archive = encrypted();
    byte[] bad = Files.readAllBytes(archive);
    bad[bad.length - 40] ^= 0x01;
    Files.write(archive, bad);
    Path target = tmp.resolve("out");

    try (AgeIdentities identities = AgeIdentities.read(List.of(identity))) {
      assertThatThrownBy(() -> new SafeExtractor(new ManifestCodec(), ExtractionLimits.defaults(), identities)
          .extract(archive, target, ProgressListener.NONE))
          .isInstanceOf(CorruptArchiveException.class)
          .hasMessageContaining("fails age authentication");
    }
    assertThat(target).doesNotExist();
  }

  /** Offset of the payload nonce: after the header's last line, "--- " + MAC + "\n". */
  private static int payloadStart(byte[] file) {
    String text = new String(file, StandardCharsets.ISO_8859_1);
    int mac = text.indexOf("\n--- ");
    return text.indexOf('\n', mac + 1) + 1;
  }

  private static HostCommand.Result requireOk(HostCommand.Result result) {
    assertThat(result.ok()).as(result.output()).isTrue();
    return result;
  }
}
