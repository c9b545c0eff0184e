package dev.swarmsnap.cli.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.lab.Lab;
import dev.swarmsnap.lab.LabNode;
import dev.swarmsnap.lab.LabSwarm;
import dev.swarmsnap.testing.Swarmsnap;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An autolocked single-manager swarm after {@code swarm unlock-key --rotate}: the new key reads
 * the cold state and it equals the engine's view; the key from before the rotation is refused
 * with "this unlock key does not open this swarm" and the exit code of a wrong key.
 */
@LabSwarm(managers = 1, workers = 0, autolock = true, sampleObjects = true)
@Timeout(300)
class InspectLockedIT {
  private static final Duration T = Duration.ofSeconds(60);

  @Test
  void afterARotationOnlyTheNewKeyReadsTheState(Lab lab) throws Exception {
    LabNode m = lab.nodes().get(0);
    String oldKey = lab.unlockKey().orElseThrow();
    String newKey = lab.docker(m.name(), T, "swarm", "unlock-key", "--rotate", "-q").requireOk("rotate").stdout().strip();
    // the lab unlocks with the key in its file: keep it current for the restart below
    Files.writeString(lab.unlockKeyFile(), newKey + "\n");
    lab.docker(m.name(), T, "secret", "create", "it_locked_secret", "/etc/hostname").requireOk("secret");
    EngineView api = EngineView.of(lab, m.name());

    lab.stop(m.name());
    try {
      Map<String, String> env = new HashMap<>();
      env.put("NEW_KEY", newKey);
      env.put("OLD_KEY", oldKey);
      Swarmsnap.Run run = Swarmsnap.run(env, "inspect", m.swarmDir().toString(), "--unlock-key-env", "NEW_KEY", "--json");
      assertThat(run.code()).as(run.err()).isZero();
      JsonNode json = run.json();
      assertThat(json.get("cluster").get("autolock").asBoolean()).isTrue();
      for (String kind : new String[] {"services", "configs", "secrets"}) {
        assertThat(EngineView.versions(json, kind)).as(kind).isEqualTo(api.versions(kind));
      }
      assertThat(EngineView.versions(json, "nodes").keySet()).isEqualTo(api.versions("nodes").keySet());
      assertThat(json.toString()).doesNotContain(newKey, oldKey, "PRIVATE KEY");
      // the one manager of a one-manager raft led it
      assertThat(json.findValues("leader")).singleElement().satisfies(l -> assertThat(l.asText()).isEqualTo("yes"));

      Swarmsnap.Run old = Swarmsnap.run(env, "inspect", m.swarmDir().toString(), "--unlock-key-env", "OLD_KEY");
      assertThat(old.code()).isEqualTo(ExitCode.FAILED.code());
      assertThat(old.err()).contains("this unlock key does not open this swarm", "sha256:", "--rotate", "kek-version");

      Swarmsnap.Run verify = Swarmsnap.run(env, "verify", m.swarmDir().toString(), "--unlock-key-env", "NEW_KEY");
      assertThat(verify.code()).as(verify.out() + verify.err()).isZero();

      Swarmsnap.Run reveal = Swarmsnap.run(env, "inspect", m.swarmDir().toString(), "--unlock-key-env", "NEW_KEY",
          "--reveal-secrets");
      assertThat(reveal.code()).isZero();
      assertThat(reveal.err()).contains("warning");
      assertThat(reveal.out()).contains("value: ");

      Swarmsnap.Run noKey = Swarmsnap.run(env, "inspect", m.swarmDir().toString());
      assertThat(noKey.code()).isEqualTo(ExitCode.USAGE.code());
      assertThat(noKey.err()).contains("autolocked");
    } finally {
      lab.start(m.name());
      lab.unlock(m.name());
    }
  }
}
