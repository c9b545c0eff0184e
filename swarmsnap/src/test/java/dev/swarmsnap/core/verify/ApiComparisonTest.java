package dev.swarmsnap.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.swarmstate.Finding;
import dev.swarmsnap.swarmstate.Finding.Level;
import dev.swarmsnap.swarmstate.SwarmStateReader;
import dev.swarmsnap.swarmstate.model.SwarmState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiComparisonTest {
  @TempDir Path tmp;

  @Test
  void aNodeNewerInRaftThanInTheApiIsOnlyAWarning() throws Exception {
    SwarmState state = new SwarmStateReader().read(RealState.unpack("plain", tmp), Optional.empty());
    Map<String, byte[]> api = new TreeMap<>(RealState.apiDocuments("plain"));
    long older = state.nodes().get(0).version() - 3;
    api.put("nodes", ("[{\"ID\":\"" + state.nodes().get(0).id() + "\",\"Version\":{\"Index\":" + older
        + "},\"Description\":{\"Hostname\":\"" + state.nodes().get(0).name() + "\"}}]").getBytes(StandardCharsets.UTF_8));

    List<Finding> findings = new ApiComparison().compare(state, new ApiView(api));

    assertThat(find(findings, "api nodes").level()).isEqualTo(Level.WARN);
    assertThat(findings).noneMatch(f -> f.level() == Level.FAIL);
  }

  @Test
  void atLeastAcceptsANewerCopyAndObjectsOnlyInTheCopyButNotAnOlderOrMissingObject() throws Exception {
    SwarmState state = new SwarmStateReader().read(RealState.unpack("plain", tmp), Optional.empty());
    Map<String, byte[]> api = new TreeMap<>(RealState.apiDocuments("plain"));
    var node = state.nodes().get(0);
    api.put("nodes", ("[{\"ID\":\"" + node.id() + "\",\"Version\":{\"Index\":" + (node.version() - 3)
        + "},\"Description\":{\"Hostname\":\"" + node.name() + "\"}}]").getBytes(StandardCharsets.UTF_8));
    api.put("configs", "[]".getBytes(StandardCharsets.UTF_8));
    api.put("secrets", "[{\"ID\":\"ghost\",\"Version\":{\"Index\":3},\"Spec\":{\"Name\":\"g\"}}]".getBytes(StandardCharsets.UTF_8));

    List<Finding> atLeast = new ApiComparison().compareAtLeast(state, new ApiView(api));

    assertThat(find(atLeast, "api nodes").level()).as("newer in the copy").isEqualTo(Level.OK);
    assertThat(find(atLeast, "api nodes").reason()).contains("every API object at its version or newer");
    assertThat(find(atLeast, "api configs").level()).as("only in the copy").isEqualTo(Level.OK);
    assertThat(find(atLeast, "api secrets").level()).isEqualTo(Level.FAIL);

    api.put("nodes", ("[{\"ID\":\"" + node.id() + "\",\"Version\":{\"Index\":" + (node.version() + 1)
        + "},\"Description\":{\"Hostname\":\"" + node.name() + "\"}}]").getBytes(StandardCharsets.UTF_8));
    Finding older = find(new ApiComparison().compareAtLeast(state, new ApiView(api)), "api nodes");
    assertThat(older.level()).as("older in the copy than in the view").isEqualTo(Level.FAIL);
  }

  @Test
  void theStoresNetworksAreTheOnesTheApiLists() throws Exception {
    SwarmState state = new SwarmStateReader().read(RealState.unpack("plain", tmp), Optional.empty());

    Finding networks = find(new ApiComparison().compare(state, new ApiView(RealState.apiDocuments("plain"))), "api networks");

    assertThat(networks.level()).isEqualTo(Level.OK);
    assertThat(networks.reason()).startsWith(state.networks().size() + " in the store, " + state.networks().size() + " in the API");
  }

  @Test
  void aSecretMissingFromTheStoreFails() throws Exception {
    SwarmState state = new SwarmStateReader().read(RealState.unpack("plain", tmp), Optional.empty());
    Map<String, byte[]> api = new TreeMap<>(RealState.apiDocuments("plain"));
    api.put("secrets", "[{\"ID\":\"ghost\",\"Version\":{\"Index\":3},\"Spec\":{\"Name\":\"g\"}}]".getBytes(StandardCharsets.UTF_8));

    Finding secrets = find(new ApiComparison().compare(state, new ApiView(api)), "api secrets");

    assertThat(secrets.level()).isEqualTo(Level.FAIL);
    assertThat(secrets.reason()).contains("ghost (g) is in the API, not in the store");
  }

  @Test
  void aConfigCreatedAfterTheApiSnapshotIsOnlyAWarning() throws Exception {
    SwarmState state = new SwarmStateReader().read(RealState.unpack("plain", tmp), Optional.empty());
    Map<String, byte[]> api = new TreeMap<>(RealState.apiDocuments("plain"));
    api.put("configs", "[]".getBytes(StandardCharsets.UTF_8));
    api.put("nodes", "[]".getBytes(StandardCharsets.UTF_8));
    api.put("tasks", "[]".getBytes(StandardCharsets.UTF_8));
    api.put("services", "[]".getBytes(StandardCharsets.UTF_8));
    api.put("secrets", "[]".getBytes(StandardCharsets.UTF_8));
    api.put("networks", "[]".getBytes(StandardCharsets.UTF_8));
    api.remove("swarm");

    Finding configs = find(new ApiComparison().compare(state, new ApiView(api)), "api configs");

    assertThat(configs.level()).isEqualTo(Level.WARN);
    assertThat(configs.reason()).contains("created after the API snapshot");
  }

  @Test
  void aConfigInTheStoreOnlyButOlderThanTheApiViewFails() throws Exception {
    SwarmState state = new SwarmStateReader().read(RealState.unpack("plain", tmp), Optional.empty());
    Map<String, byte[]> api = new TreeMap<>(RealState.apiDocuments("plain"));
    api.put("configs", "[]".getBytes(StandardCharsets.UTF_8));

    Finding configs = find(new ApiComparison().compare(state, new ApiView(api)), "api configs");

    assertThat(configs.level()).isEqualTo(Level.FAIL);
    assertThat(configs.reason()).contains("is in the store, not in the API");
  }

  @Test
  void missingDocumentsAreWarningsNotFailures() throws Exception {
    SwarmState state = new SwarmStateReader().read(RealState.unpack("plain", tmp), Optional.empty());

    List<Finding> findings = new ApiComparison().compare(state, new ApiView(Map.of()));

    assertThat(findings).allMatch(f -> f.level() == Level.WARN);
  }

  private static Finding find(List<Finding> findings, String check) {
    return findings.stream().filter(f -> f.check().equals(check)).findFirst().orElseThrow();
  }
}
