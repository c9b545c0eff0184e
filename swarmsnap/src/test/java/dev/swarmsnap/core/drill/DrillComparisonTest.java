package dev.swarmsnap.core.drill;

import dev.swarmsnap.core.verify.RealState;
import static dev.swarmsnap.testing.EngineLists.find;
import static dev.swarmsnap.testing.EngineLists.remove;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.swarmsnap.swarmstate.Finding;
import dev.swarmsnap.swarmstate.Finding.Level;
import dev.swarmsnap.swarmstate.SwarmStateReader;
import dev.swarmsnap.swarmstate.model.NodeInfo;
import dev.swarmsnap.swarmstate.model.SwarmState;
import dev.swarmsnap.testing.EngineLists;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real swarm directory's state (test fixture) against what a sandbox engine would list after the
 * restore: the restored node under the sandbox's hostname, the other managers removed.
 */
class DrillComparisonTest {
  @TempDir Path tmp;
  SwarmState state;
  NodeInfo self;

  @BeforeEach
  void readFixture() throws Exception {
    state = new SwarmStateReader().read(RealState.unpack("plain", tmp), Optional.empty());
    self = state.nodes().stream().filter(n -> n.role().equals("manager")).findFirst().orElseThrow();
    assertThat(state.services()).isNotEmpty();
  }

  @Test
  void theRestoredNodeUnderTheSandboxHostnameAndEveryObjectIsAllOk() {
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

    Finding nodes = find(compare(docs -> docs.get("nodes").add(EngineLists.node(extra.id(), extra.name(), 1))), "restored nodes");

    assertThat(nodes.level()).isEqualTo(Level.WARN);
    assertThat(nodes.reason()).contains(extra.id());
  }

  private List<Finding> compare(Consumer<Map<String, ArrayNode>> edit) {
    Map<String, ArrayNode> docs = EngineLists.of(state);
    ArrayNode nodes = EngineLists.list(List.of(EngineLists.node(self.id(), "sandbox-m1", 1_000_000)));
    state.nodes().stream().filter(n -> n.role().equals("worker")).forEach(n -> nodes.add(EngineLists.node(n.id(), n.name(), 1)));
    docs.put("nodes", nodes);
    edit.accept(docs);
    return new DrillComparison().compare(state, self.id(), EngineLists.view(docs));
  }
}
