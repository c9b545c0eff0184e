package dev.swarmsnap.cli.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swarmsnap.cli.JsonOutput;
import dev.swarmsnap.core.inspect.Inspection;
import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.swarmstate.SwarmStateReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text and JSON renderings of a real locked fixture: every section, nothing secret. */
class InspectRenderingTest {
  @TempDir Path tmp;

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

  @Test
  void textShowsEverySectionAndNoSecretValue() throws Exception {
    String text = text(inspection(false));

    assertThat(text).contains("Cluster:", "Autolock:     on, unlock key sha256:", "Raft:", "member ",
        "Nodes (1)", "Services (2)", "rdr_web", "replicated 2 replica(s)", "ports:    8080->80/tcp (ingress)",
        "Networks (", "Configs (1)", "Secrets (1)", "rdr_secret", "team=blue", "Tasks (");
    assertThat(text).doesNotContain("value:", "SWMKEY", "PRIVATE KEY", "SWMTKN");
  }

  @Test
  void jsonHasTheTopLevelKeysAndIdNameVersionEverywhere() throws Exception {
    JsonNode json = json(inspection(false));

    for (String key : new String[] {"cluster", "raft", "nodes", "services", "networks", "configs", "secrets", "tasks"}) {
      assertThat(json.has(key)).as(key).isTrue();
    }
    for (String list : new String[] {"nodes", "services", "networks", "configs", "secrets", "tasks"}) {
      json.get(list).forEach(o -> assertThat(o.has("id") && o.has("name") && o.has("version")).as(list).isTrue());
    }
    assertThat(json.get("secrets").get(0).has("value")).isFalse();
    assertThat(json.toString()).doesNotContain("SWMKEY", "PRIVATE KEY", "SWMTKN");
  }

  @Test
  void revealedSecretsAppearInBothRenderings() throws Exception {
    Inspection revealed = inspection(true);

    assertThat(json(revealed).get("secrets").get(0).get("value").asText()).isNotEmpty();
    assertThat(text(revealed)).contains("value: ");
  }

  private Inspection inspection(boolean reveal) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("locked-" + reveal));
    Process p = new ProcessBuilder("tar", "-xzf", resource("locked/swarm.tar.gz").toString(), "-C", dir.toString()).start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor()).isZero();
    Optional<UnlockKey> key = Optional.of(UnlockKey.parse(Files.readString(resource("locked/unlock-key"))));
    return new Inspection(dir.toString(), false, Optional.empty(),
        new SwarmStateReader().read(dir.resolve("swarm"), key, reveal));
  }

  private static String text(Inspection i) {
    StringWriter out = new StringWriter();
    new InspectText(new PrintWriter(out), CLOCK).print(i);
    return out.toString();
  }

  private static JsonNode json(Inspection i) throws Exception {
    StringWriter out = new StringWriter();
    new JsonOutput().print(new PrintWriter(out), InspectJson.of(i));
    return new ObjectMapper().readTree(out.toString());
  }

  private static Path resource(String rel) throws Exception {
    return Path.of(InspectRenderingTest.class.getResource("/fixtures/" + rel).toURI());
  }
}
