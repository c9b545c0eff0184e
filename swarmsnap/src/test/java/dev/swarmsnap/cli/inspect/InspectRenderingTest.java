package dev.swarmsnap.cli.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swarmsnap.cli.JsonOutput;
import dev.swarmsnap.core.inspect.Inspection;
import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.swarmstate.SwarmStateReader;
import dev.swarmsnap.swarmstate.model.ServiceInfo;
import dev.swarmsnap.swarmstate.model.ServiceMode;
import dev.swarmsnap.swarmstate.model.SwarmState;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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

  @Test
  void bothRenderingsShowTheSwarmNetworksWithTheirDriverAndNoPredefinedOnes() throws Exception {
    Inspection i = inspection(false);
    JsonNode json = json(i);

    assertThat(text(i)).contains("Networks (2)").containsPattern("ingress +overlay ").doesNotContain(" bridge ", " host ");
    assertThat(json.get("networks")).hasSize(2);
    json.get("networks").forEach(n -> assertThat(n.get("driver").asText()).as(n.get("name").asText()).isEqualTo("overlay"));
  }

  @Test
  void theManagerOfAOneManagerSwarmShowsItsRaftAddressAndLeads() throws Exception {
    Inspection i = inspection(false);
    JsonNode manager = json(i).get("nodes").get(0).get("manager");

    assertThat(text(i)).contains("raft 10.231.250.12:2377, leader\n");
    assertThat(manager.get("addr").asText()).isEqualTo("10.231.250.12:2377");
    assertThat(manager.get("leader").asText()).isEqualTo("yes");
    assertThat(manager.get("raftId").asText()).isEqualTo(Long.toHexString(i.state().raft().raftId()));
  }

  @Test
  void whichOfThreeManagersLedIsShownAsUnknownNotAsNo() throws Exception {
    Inspection i = unpacked("three", Optional.empty(), false);

    assertThat(text(i)).contains("raft 10.231.250.21:2377, leader unknown", "raft 10.231.250.22:2377, leader unknown");
    json(i).get("nodes").forEach(n -> assertThat(n.get("manager").get("leader").asText()).isEqualTo("unknown"));
  }

  @Test
  void aReplicatedJobShowsItsCompletionsAndConcurrencyAndNoServiceShowsNullReplicas() throws Exception {
    Inspection fixture = inspection(false);
    ServiceInfo web = fixture.state().services().stream().filter(s -> s.name().equals("rdr_web")).findFirst().orElseThrow();
    ServiceInfo job = new ServiceInfo("jobid", "nightly", 7, "busybox", ServiceMode.replicatedJob(5, 2),
        List.of(), List.of(), List.of(), List.of(), Map.of());
    SwarmState s = fixture.state();
    Inspection i = new Inspection(fixture.source(), false, Optional.empty(), new SwarmState(s.cluster(), s.raft(),
        s.nodes(), List.of(web, job), s.networks(), s.configs(), s.secrets(), s.tasks(), s.certificates(), s.warnings()));
    Map<String, JsonNode> services = new TreeMap<>();
    json(i).get("services").forEach(n -> services.put(n.get("name").asText(), n));

    assertThat(text(i)).contains("busybox, replicated-job, 5 completion(s), at most 2 at a time",
        "rdr-none/web:1, replicated 2 replica(s)");
    assertThat(services.get("nightly").get("mode").asText()).isEqualTo("replicated-job");
    assertThat(services.get("nightly").get("totalCompletions").asLong()).isEqualTo(5);
    assertThat(services.get("nightly").get("maxConcurrent").asLong()).isEqualTo(2);
    assertThat(services.get("nightly").has("replicas")).isFalse();
    assertThat(services.get("rdr_web").get("replicas").asLong()).isEqualTo(2);
    assertThat(json(inspection(false)).get("services").toString()).doesNotContain("null");
  }

  private Inspection inspection(boolean reveal) throws Exception {
    return unpacked("locked", Optional.of(UnlockKey.parse(Files.readString(resource("locked/unlock-key")))), reveal);
  }

  private Inspection unpacked(String fixture, Optional<UnlockKey> key, boolean reveal) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve(fixture + "-" + reveal));
    Process p = new ProcessBuilder("tar", "-xzf", resource(fixture + "/swarm.tar.gz").toString(), "-C", dir.toString()).start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor()).isZero();
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
