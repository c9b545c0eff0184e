package dev.swarmsnap.cli.key;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.testing.Swarmsnap;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code key fingerprint} and {@code key check} on real autolocked state captured from dockerd 20.10. */
@Timeout(60)
class KeyCommandTest {
  @TempDir Path tmp;

  @Test
  void theCurrentKeyOpensTheLockedFixture() throws Exception {
    Path dir = unpack("locked");
    Swarmsnap.Run run = Swarmsnap.run(Map.of(), "key", "check", dir.toString(), "--unlock-key-file",
        fixture("locked/unlock-key").toString(), "--json");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.json().path("opens").asBoolean()).isTrue();
    assertThat(run.json().path("fingerprint").asText()).isEqualTo(fingerprint("locked/unlock-key"));
    assertThat(run.out()).doesNotContain(Files.readString(fixture("locked/unlock-key")).strip());
  }

  @Test
  void theKeyFromBeforeTheRotationIsRefusedWithItsFingerprint() throws Exception {
    Path dir = unpack("locked");
    Swarmsnap.Run run = Swarmsnap.run(Map.of(), "key", "check", dir.toString(), "--unlock-key-file",
        fixture("locked/unlock-key.old").toString());

    assertThat(run.code()).isNotZero().isNotEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).contains("does not open").contains(fingerprint("locked/unlock-key.old"))
        .doesNotContain(Files.readString(fixture("locked/unlock-key.old")).strip());
  }

  @Test
  void aSwarmWithoutAutolockNeedsNoKey() throws Exception {
    Swarmsnap.Run run = Swarmsnap.run(Map.of(), "key", "check", unpack("plain").toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("not autolocked");
  }

  @Test
  void anAutolockedSwarmWithoutAKeyIsAUsageError() throws Exception {
    Swarmsnap.Run run = Swarmsnap.run(Map.of(), "key", "check", unpack("locked").toString());

    assertThat(run.code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).contains("autolocked and no unlock key was given");
  }

  @Test
  void fingerprintMatchesWhatManifestsRecord() throws Exception {
    String key = Files.readString(fixture("locked/unlock-key")).strip();
    Swarmsnap.Run run = Swarmsnap.run(Map.of("K", key), "key", "fingerprint", "--unlock-key-env", "K");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out().strip()).isEqualTo(fingerprint("locked/unlock-key")).doesNotContain(key);
  }

  private Path unpack(String name) throws IOException, InterruptedException {
    Path dest = Files.createDirectories(tmp.resolve(name));
    Process tar = new ProcessBuilder("tar", "-xzf", fixture(name + "/swarm.tar.gz").toString(), "-C", dest.toString())
        .redirectErrorStream(true).start();
    tar.getInputStream().readAllBytes();
    assertThat(tar.waitFor()).isZero();
    return dest.resolve("swarm");
  }

  private static String fingerprint(String keyFile) throws IOException {
    return UnlockKey.parse(Files.readString(fixture(keyFile))).fingerprint();
  }

  private static Path fixture(String rel) {
    try {
      return Path.of(KeyCommandTest.class.getResource("/fixtures/" + rel).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
