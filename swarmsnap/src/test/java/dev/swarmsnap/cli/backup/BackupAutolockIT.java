package dev.swarmsnap.cli.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.ZstdInputStream;
import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.lab.Lab;
import dev.swarmsnap.lab.LabNode;
import dev.swarmsnap.lab.LabSwarm;
import dev.swarmsnap.testing.HostCommand;
import dev.swarmsnap.testing.Swarmsnap;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** An autolocked 3-manager swarm: the follower is unlocked again, and the key is nowhere in the archive. */
@LabSwarm(managers = 3, workers = 0, autolock = true)
@Timeout(300)
class BackupAutolockIT {
  @TempDir static Path runDir;

  @Test
  void theNodeIsUnlockedAfterwardsAndTheArchiveHoldsNoKey(Lab lab, @TempDir Path out) throws Exception {
    LabNode follower = BackupIT.follower(lab, 0);
    String key = lab.unlockKey().orElseThrow();

    Swarmsnap.Run run = backup(follower, Map.of(), "--output", out.toString(), "--json");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err()).contains("NOT in the archive").doesNotContain(key);
    assertThat(run.out()).doesNotContain(key);
    assertThat(BackupIT.isReachableManager(lab, lab.node(lab.leader()), follower)).isTrue();
    assertThat(Swarmsnap.on(follower, "status", "--json").json().path("swarmState").asText()).isEqualTo("active");

    Path archive = Path.of(run.json().path("archive").asText());
    String fingerprint = UnlockKey.parse(key).fingerprint();
    assertThat(run.json().path("unlockKeyFingerprint").asText()).isEqualTo(fingerprint);
    byte[] compressed = Files.readAllBytes(archive);
    byte[] tar;
    try (InputStream in = new ZstdInputStream(Files.newInputStream(archive))) {
      tar = in.readAllBytes();
    }
    byte[] kek = Base64.getDecoder().decode(key.substring("SWMKEY-1-".length()));
    for (byte[] haystack : new byte[][] {compressed, tar}) {
      String text = new String(haystack, StandardCharsets.ISO_8859_1);
      assertThat(text).doesNotContain(key).doesNotContain(key.substring("SWMKEY-1-".length()))
          .doesNotContain(new String(kek, StandardCharsets.ISO_8859_1))
          .doesNotContain(Base64.getEncoder().encodeToString(kek));
    }
    assertThat(new String(tar, StandardCharsets.ISO_8859_1)).contains(fingerprint);
    Swarmsnap.Run verify = Swarmsnap.run(Map.of("KEY", key), "verify", archive.toString(), "--unlock-key-env", "KEY");
    assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
    assertThat(verify.out() + verify.err()).doesNotContain(key);
  }

  @Test
  void anEncryptedBackupLeavesNoKeyOrSecretValueInAnyFileAndVerifiesWithTheIdentity(
      Lab lab, @TempDir Path out, @TempDir Path keys) throws Exception {
    LabNode follower = BackupIT.follower(lab, 1);
    String key = lab.unlockKey().orElseThrow();
    String secretValue = "s3cret-value-" + java.util.UUID.randomUUID();
    lab.dockerWithStdin(lab.leader(), Duration.ofSeconds(30), secretValue, "secret", "create", "age_it_secret", "-")
        .requireOk("create secret");
    Path identity = keys.resolve("backup.agekey");
    assertThat(HostCommand.run("age-keygen", "-o", identity.toString()).ok()).isTrue();
    String recipient = HostCommand.run("age-keygen", "-y", identity.toString()).output().strip();

    Swarmsnap.Run run = backup(follower, Map.of(), "--output", out.toString(), "--encrypt-to", recipient, "--json");

    assertThat(run.code()).as(run.err()).isZero();
    Path archive = Path.of(run.json().path("archive").asText());
    assertThat(archive.getFileName().toString()).endsWith(".swarmsnap.age");
    assertThat(BackupArchives.everything(out)).as("no staging or temp file left").containsExactly(archive.getFileName().toString());
    byte[] kek = Base64.getDecoder().decode(key.substring("SWMKEY-1-".length()));
    List<String> needles = List.of(
        key, key.substring("SWMKEY-1-".length()), new String(kek, StandardCharsets.ISO_8859_1),
        Base64.getEncoder().encodeToString(kek), secretValue,
        Base64.getEncoder().encodeToString(secretValue.getBytes(StandardCharsets.UTF_8)));
    List<Path> written = new ArrayList<>();
    for (Path root : List.of(out, runDir)) {
      try (Stream<Path> files = Files.walk(root)) {
        files.filter(Files::isRegularFile).forEach(written::add);
      }
    }
    assertThat(written).contains(archive);
    Path decrypted = keys.resolve("decrypted.swarmsnap");
    assertThat(HostCommand.run("age", "-d", "-i", identity.toString(), "-o", decrypted.toString(), archive.toString()).ok())
        .isTrue();
    byte[] tar;
    try (InputStream in = new ZstdInputStream(Files.newInputStream(decrypted))) {
      tar = in.readAllBytes();
    }
    List<String> haystacks = new ArrayList<>(List.of(run.out(), run.err(), new String(tar, StandardCharsets.ISO_8859_1)));
    for (Path file : written) {
      haystacks.add(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
    }
    for (String haystack : haystacks) {
      for (String needle : needles) {
        assertThat(haystack.contains(needle)).as("a key or secret value in a file swarmsnap wrote").isFalse();
      }
    }

    Swarmsnap.Run verify = Swarmsnap.run(Map.of("KEY", key), "verify", archive.toString(),
        "--identity", identity.toString(), "--unlock-key-env", "KEY");
    assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
    Swarmsnap.Run locked = Swarmsnap.run(Map.of("KEY", key), "verify", archive.toString(), "--unlock-key-env", "KEY");
    assertThat(locked.code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(locked.err()).contains("--identity");
  }

  @Test
  void aWrongKeyIsRefusedBeforeTheEngineStops(Lab lab, @TempDir Path out) {
    LabNode follower = BackupIT.follower(lab, 1);
    String wrong = "SWMKEY-1-" + Base64.getEncoder().withoutPadding().encodeToString(new byte[32]);

    Swarmsnap.Run run = backup(follower, Map.of("WRONG_KEY", wrong), "--output", out.toString(),
        "--unlock-key-env", "WRONG_KEY");

    assertThat(run.code()).isNotZero().isNotEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).contains("does not open").doesNotContain(wrong);
    assertThat(run.err()).doesNotContain("stopping the engine");
    assertThat(BackupArchives.everything(out)).isEmpty();
  }

  private static Swarmsnap.Run backup(LabNode node, Map<String, String> extra, String... args) {
    Map<String, String> env = new HashMap<>(Swarmsnap.envFor(node));
    env.put("SWARMSNAP_RUN_DIR", runDir.toString());
    env.putAll(extra);
    String[] command = new String[args.length + 1];
    command[0] = "backup";
    System.arraycopy(args, 0, command, 1, args.length);
    return Swarmsnap.run(env, command);
  }
}
