package dev.swarmsnap.swarmstate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.error.WrongUnlockKeyException;
import dev.swarmsnap.swarmstate.keys.NodeKeyFile;
import dev.swarmsnap.swarmstate.keys.UnlockedKeyFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnlockedKeyFileTest {
  @Test
  void theRewrittenKeyOpensTheStateWithoutAnUnlockKey(@TempDir Path tmp) throws Exception {
    Path swarm = Fixtures.unpack("locked", tmp);
    Path keyPath = swarm.resolve("certificates/swarm-node.key");
    UnlockKey key = Fixtures.key("locked/unlock-key").orElseThrow();

    byte[] pem = new UnlockedKeyFile().render(NodeKeyFile.read(keyPath), key);
    Files.write(keyPath, pem);

    String text = new String(pem, StandardCharsets.US_ASCII);
    assertThat(text).startsWith("-----BEGIN PRIVATE KEY-----\nraft-dek: Ei").doesNotContain("kek-version");
    NodeKeyFile rewritten = NodeKeyFile.read(keyPath);
    assertThat(rewritten.encrypted()).isFalse();
    assertThat(rewritten.raftDek().orElseThrow()).hasSize(34).startsWith(0x12, 0x20);
    VerifyReport report = new SwarmStateVerifier().verify(swarm, Optional.empty());
    assertThat(report.failed()).as(report.findings().toString()).isFalse();
  }

  @Test
  void aWrongKeyIsNamedAsSuch(@TempDir Path tmp) throws Exception {
    Path swarm = Fixtures.unpack("locked", tmp);
    UnlockKey wrong = UnlockKey.parse("SWMKEY-1-" + Base64.getEncoder().withoutPadding().encodeToString(new byte[32]));

    assertThatThrownBy(() -> new UnlockedKeyFile().render(
        NodeKeyFile.read(swarm.resolve("certificates/swarm-node.key")), wrong))
        .isInstanceOf(WrongUnlockKeyException.class);
  }
}
