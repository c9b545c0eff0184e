package dev.swarmsnap.cli.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.ZstdInputStream;
import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.lab.Lab;
import dev.swarmsnap.lab.LabNode;
import dev.swarmsnap.lab.LabSwarm;
import dev.swarmsnap.testing.Swarmsnap;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
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
