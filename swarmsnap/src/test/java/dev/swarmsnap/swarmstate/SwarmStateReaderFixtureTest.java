package dev.swarmsnap.swarmstate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swarmsnap.swarmstate.model.ManagerInfo;
import dev.swarmsnap.swarmstate.model.ManagerInfo.Leadership;
import dev.swarmsnap.swarmstate.model.NetworkInfo;
import dev.swarmsnap.swarmstate.model.SwarmState;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Decoded state equals the engine's own API view recorded at capture time. */
class SwarmStateReaderFixtureTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"plain", "locked", "snap", "three", "docker26", "docker28"})
  void decodedObjectsMatchTheEnginesView(String fixture) throws Exception {
    Path dir = Fixtures.unpack(fixture, tmp);
    var key = fixture.equals("locked") ? Fixtures.key("locked/unlock-key") : Optional.<dev.swarmsnap.crypto.UnlockKey>empty();
    SwarmState state = new SwarmStateReader().read(dir, key);
    JsonNode api = Fixtures.apiView(fixture);

    assertThat(state.cluster().id()).isEqualTo(api.get("cluster").get("id").asText());
    assertThat(state.cluster().version()).isEqualTo(api.get("cluster").get("version").asLong());
    assertThat(state.raft().nodeId()).isEqualTo(api.get("nodeId").asText());
    // nodes keep reporting status until the daemon stops, after the API view was taken: the
    // decoded version may only be newer
    Map<String, Long> apiNodes = new HashMap<>();
    api.get("nodes").forEach(n -> apiNodes.put(n.get("id").asText() + " " + n.get("name").asText(),
        n.get("version").asLong()));
    assertThat(state.nodes()).hasSize(apiNodes.size());
    state.nodes().forEach(n -> assertThat(n.version())
        .isGreaterThanOrEqualTo(apiNodes.get(n.id() + " " + n.name())));
    assertThat(idNameVersion(state.services().stream().map(s -> s.id() + " " + s.name() + " " + s.version())))
        .isEqualTo(idNameVersion(api.get("services")));
    assertThat(idNameVersion(state.secrets().stream().map(s -> s.id() + " " + s.name() + " " + s.version())))
        .isEqualTo(idNameVersion(api.get("secrets")));
    assertThat(idNameVersion(state.configs().stream().map(s -> s.id() + " " + s.name() + " " + s.version())))
        .isEqualTo(idNameVersion(api.get("configs")));
    Map<String, String> nets = new HashMap<>();
    state.networks().forEach(n -> nets.put(n.id(), n.name()));
    Map<String, String> apiNets = new HashMap<>();
    api.get("networks").forEach(n -> apiNets.put(n.get("id").asText(), n.get("name").asText()));
    assertThat(nets).isEqualTo(apiNets);
    assertThat(state.raft().commitIndex()).isGreaterThan(0);
    assertThat(state.raft().members()).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain", "three"})
  void networksHaveTheDriverTheEngineReportsAndNoPredefinedOnes(String fixture) throws Exception {
    SwarmState state = new SwarmStateReader().read(Fixtures.unpack(fixture, tmp), Optional.empty());

    assertThat(state.networks()).extracting(NetworkInfo::name).doesNotContain("bridge", "host").contains("ingress");
    assertThat(state.networks()).allSatisfy(n -> assertThat(n.driver()).as(n.name()).isEqualTo("overlay"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain", "three"})
  void managersHaveTheRaftAddressTheEngineReports(String fixture) throws Exception {
    SwarmState state = new SwarmStateReader().read(Fixtures.unpack(fixture, tmp), Optional.empty());
    Map<String, String> apiAddrs = new HashMap<>();
    Fixtures.apiView(fixture).get("nodes").forEach(n -> apiAddrs.put(n.get("id").asText(), n.get("managerAddr").asText()));

    Map<String, String> addrs = new HashMap<>();
    state.nodes().forEach(n -> addrs.put(n.id(), n.manager().map(ManagerInfo::addr).orElse("")));
    assertThat(addrs).isEqualTo(apiAddrs);
  }

  @Test
  void theOnlyMemberOfAOneManagerRaftIsItsLeader() throws Exception {
    SwarmState state = new SwarmStateReader().read(Fixtures.unpack("plain", tmp), Optional.empty());

    assertThat(state.nodes()).singleElement()
        .satisfies(n -> assertThat(n.manager().orElseThrow().leadership()).isEqualTo(Leadership.LEADER));
  }

  @Test
  void whichOfThreeManagersLedIsUnknownOffline() throws Exception {
    SwarmState state = new SwarmStateReader().read(Fixtures.unpack("three", tmp), Optional.empty());

    assertThat(state.nodes()).hasSize(3)
        .allSatisfy(n -> assertThat(n.manager().orElseThrow().leadership()).isEqualTo(Leadership.UNKNOWN));
  }

  private static java.util.Set<String> idNameVersion(java.util.stream.Stream<String> s) {
    return s.collect(java.util.stream.Collectors.toSet());
  }

  private static java.util.Set<String> idNameVersion(JsonNode arr) {
    java.util.Set<String> out = new java.util.HashSet<>();
    arr.forEach(o -> out.add(o.get("id").asText() + " " + o.get("name").asText() + " "
        + o.get("version").asLong()));
    return out;
  }
}
