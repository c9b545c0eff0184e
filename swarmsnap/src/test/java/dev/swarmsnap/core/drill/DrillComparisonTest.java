package dev.swarmsnap.core.drill;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarmsnap.core.verify.ApiView;
import dev.swarmsnap.swarmstate.Finding;
import dev.swarmsnap.swarmstate.Finding.Level;
import dev.swarmsnap.swarmstate.SwarmStateReader;
import dev.swarmsnap.swarmstate.model.NodeInfo;
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

/**
 * A real swarm directory's state (test fixture) against what a sandbox engine would list after the
 * restore: the restored node under the sandbox's hostname, the other managers removed.
 */
class DrillComparisonTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;
  SwarmState state;
  NodeInfo self;

  @BeforeEach
  void readFixture() throws Exception {
    Path archive = Path.of(getClass().getResource("/fixtures/plain/swarm.tar.gz").toURI());
    Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", tmp.toString()).inheritIO().start();
    assertThat(tar.waitFor()).isZero();
    state = new SwarmStateReader().read(tmp.resolve("swarm"), Optional.empty());
    self = state.nodes().stream().filter(n -> n.role().equals("manager")).findFirst().orElseThrow();
    assertThat(state.services()).isNotEmpty();
  }

  @Test
  void theRestoredNodeUnderTheSandboxHostnameAndEveryObjectIsAllOk() throws Exception {
    List<Finding> findings = compare(docs -> {});

    assertThat(findings).extracting(Finding::check).containsExactly(
        "restored nodes", "restored services", "restored networks", "restored configs", "restored secrets");
    assertThat(findings).allSatisfy(f -> assertThat(f.level()).as(f.reason()).isEqualTo(Level.OK));
  }

  @Test
  void aMissingServiceIsADifference() throws Exception {
    String id = state.services().get(0).id();

    Finding services = find(compare(docs -> remove(docs.get("services"), id)), "restored services");

    assertThat(services.level()).isEqualTo(Level.FAIL);
    assertThat(services.reason()).contains(id).contains("is gone");
  }

  @Test
  void aMissingRestoredNodeIsADifference() throws Exception {
    Finding nodes = find(compare(docs -> remove(docs.get("nodes"), self.id())), "restored nodes");

    assertThat(nodes.level()).isEqualTo(Level.FAIL);
    assertThat(nodes.reason()).contains(self.id()).contains("is gone");
  }

  @Test
  void anotherManagerStillListedIsAWarning() throws Exception {
    Optional<NodeInfo> other = state.nodes().stream()
        .filter(n -> n.role().equals("manager") && !n.id().equals(self.id())).findFirst();
    NodeInfo extra = other.orElse(new NodeInfo("zzzextra", "elsewhere", 1, "manager", "active", "down", "", Optional.empty(), ""));

    Finding nodes = find(compare(docs -> docs.get("nodes").add(node(extra.id(), extra.name()))), "restored nodes");

    assertThat(nodes.level()).isEqualTo(Level.WARN);
    assertThat(nodes.reason()).contains(extra.id());
  }

  private List<Finding> compare(Consumer<Map<String, ArrayNode>> edit) throws Exception {
    Map<String, ArrayNode> docs = new TreeMap<>();
    ArrayNode nodes = JSON.createArrayNode();
    nodes.add(node(self.id(), "sandbox-m1"));
    state.nodes().stream().filter(n -> n.role().equals("worker")).forEach(n -> nodes.add(node(n.id(), n.name())));
    docs.put("nodes", nodes);
    docs.put("services", list(state.services().stream().map(s -> object(s.id(), s.name(), s.version())).toList()));
    docs.put("networks", list(state.networks().stream().map(n -> network(n.id(), n.name())).toList()));
    docs.put("configs", list(state.configs().stream().map(c -> object(c.id(), c.name(), c.version())).toList()));
    docs.put("secrets", list(state.secrets().stream().map(s -> object(s.id(), s.name(), s.version())).toList()));
    edit.accept(docs);
    Map<String, byte[]> bytes = new TreeMap<>();
    for (Map.Entry<String, ArrayNode> e : docs.entrySet()) {
      bytes.put(e.getKey(), JSON.writeValueAsBytes(e.getValue()));
    }
    return new DrillComparison().compare(state, self.id(), new ApiView(bytes));
  }

  private static ObjectNode node(String id, String hostname) {
    ObjectNode n = JSON.createObjectNode();
    n.put("ID", id);
    n.putObject("Version").put("Index", 1_000_000);
    n.putObject("Description").put("Hostname", hostname);
    return n;
  }

  private static ObjectNode object(String id, String name, long version) {
    ObjectNode n = JSON.createObjectNode();
    n.put("ID", id);
    n.putObject("Version").put("Index", version);
    n.putObject("Spec").put("Name", name);
    return n;
  }

  private static ObjectNode network(String id, String name) {
    ObjectNode n = JSON.createObjectNode();
    n.put("Id", id);
    n.put("Name", name);
    n.put("Scope", "swarm");
    return n;
  }

  private static ArrayNode list(List<ObjectNode> nodes) {
    ArrayNode array = JSON.createArrayNode();
    nodes.forEach(array::add);
    return array;
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
