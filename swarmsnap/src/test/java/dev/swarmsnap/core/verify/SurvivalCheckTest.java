package dev.swarmsnap.core.verify;

import static dev.swarmsnap.testing.EngineLists.find;
import static dev.swarmsnap.testing.EngineLists.remove;
import static dev.swarmsnap.testing.EngineLists.version;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarmsnap.swarmstate.Finding;
import dev.swarmsnap.swarmstate.Finding.Level;
import dev.swarmsnap.swarmstate.SwarmStateReader;
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

/** The state of a real swarm directory (test fixture) against engine lists derived from it. */
class SurvivalCheckTest {
  @TempDir Path tmp;
  SwarmState state;

  @BeforeEach
  void readFixture() throws Exception {
    state = new SwarmStateReader().read(RealState.unpack("plain", tmp), Optional.empty());
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
  private ApiView live(Consumer<Map<String, ArrayNode>> edit) {
    Map<String, ArrayNode> docs = EngineLists.of(state);
    edit.accept(docs);
    return EngineLists.view(docs);
  }
}
