package dev.swarmsnap.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarmsnap.swarmstate.Finding;
import dev.swarmsnap.swarmstate.Finding.Level;
import dev.swarmsnap.swarmstate.SwarmStateReader;
import dev.swarmsnap.swarmstate.model.SwarmState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state of a real swarm directory (test fixture) against engine lists derived from it. */
class SurvivalCheckTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;
  SwarmState state;

  @BeforeEach
  void readFixture() throws Exception {
    Path archive = Path.of(getClass().getResource("/fixtures/plain/swarm.tar.gz").toURI());
    Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", tmp.toString()).inheritIO().start();
    assertThat(tar.waitFor()).isZero();
    state = new SwarmStateReader().read(tmp.resolve("swarm"), Optional.empty());
    assertThat(state.services()).isNotEmpty();
    assertThat(state.secrets()).isNotEmpty();
  }

  @Test
  void theSameObjectsAreAllOk() throws Exception {
    List<Finding> findings = new SurvivalCheck().compare(state, live(docs -> {}));

    assertThat(findings).hasSize(4).allMatch(f -> f.level() == Level.OK);
  }

  @Test
  void aVersionThatGrewUnderTheNewLeaderIsOk() throws Exception {
    String id = state.services().get(0).id();
    Finding services = find(new SurvivalCheck().compare(state, live(docs -> version(docs.get("services"), id, 1_000_000))),
        "recovered services");

    assertThat(services.level()).isEqualTo(Level.OK);
    assertThat(services.reason()).contains("1 updated by the new leader");
  }

  @Test
  void aMissingSecretFails() throws Exception {
    String id = state.secrets().get(0).id();
    Finding secrets = find(new SurvivalCheck().compare(state, live(docs -> remove(docs.get("secrets"), id))),
        "recovered secrets");

    assertThat(secrets.level()).isEqualTo(Level.FAIL);
    assertThat(secrets.reason()).contains(id).contains("is gone");
  }

  @Test
  void aVersionThatWentBackFails() throws Exception {
    String id = state.services().get(0).id();
    Finding services = find(new SurvivalCheck().compare(state, live(docs -> version(docs.get("services"), id, 1))),
        "recovered services");

    assertThat(services.level()).isEqualTo(Level.FAIL);
    assertThat(services.reason()).contains("went back");
  }

  @Test
  void anObjectThatIsNewIsAWarning() throws Exception {
    Finding configs = find(new SurvivalCheck().compare(state, live(docs -> {
      ObjectNode extra = docs.get("configs").addObject();
      extra.put("ID", "newconfig");
      extra.putObject("Version").put("Index", 5);
      extra.putObject("Spec").put("Name", "fresh");
    })), "recovered configs");

    assertThat(configs.level()).isEqualTo(Level.WARN);
    assertThat(configs.reason()).contains("newconfig (fresh)");
  }

  /** Engine-shaped lists of the fixture's objects, changed by {@code edit}. */
  private ApiView live(Consumer<Map<String, ArrayNode>> edit) throws Exception {
    Map<String, ArrayNode> docs = new TreeMap<>();
    docs.put("services", list(state.services().stream().map(s -> object("ID", s.id(), s.name(), s.version(), true)).toList()));
    docs.put("networks", list(state.networks().stream()
        .map(n -> object("Id", n.id(), n.name(), n.version(), false)).toList()));
    docs.put("configs", list(state.configs().stream().map(c -> object("ID", c.id(), c.name(), c.version(), true)).toList()));
    docs.put("secrets", list(state.secrets().stream().map(s -> object("ID", s.id(), s.name(), s.version(), true)).toList()));
    edit.accept(docs);
    Map<String, byte[]> bytes = new TreeMap<>();
    for (Map.Entry<String, ArrayNode> e : docs.entrySet()) {
      bytes.put(e.getKey(), JSON.writeValueAsBytes(e.getValue()));
    }
    return new ApiView(bytes);
  }

  private static ObjectNode object(String idField, String id, String name, long version, boolean specName) {
    ObjectNode n = JSON.createObjectNode();
    n.put(idField, id);
    n.putObject("Version").put("Index", version);
    if (specName) {
      n.putObject("Spec").put("Name", name);
    } else {
      n.put("Name", name);
      n.put("Scope", "swarm");
    }
    return n;
  }

  private static ArrayNode list(List<ObjectNode> nodes) {
    ArrayNode array = JSON.createArrayNode();
    nodes.forEach(array::add);
    return array;
  }

  private static void version(ArrayNode list, String id, long version) {
    list.forEach(n -> {
      if (n.path("ID").asText().equals(id)) {
        ((ObjectNode) n.get("Version")).put("Index", version);
      }
    });
  }

  private static void remove(ArrayNode list, String id) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).path("ID").asText().equals(id)) {
        list.remove(i);
        return;
      }
    }
  }

  private static Finding find(List<Finding> findings, String check) {
    return findings.stream().filter(f -> f.check().equals(check)).findFirst().orElseThrow();
  }
}
