package dev.swarmsnap.logical;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ComparableSpecsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ComparableSpecs normal = new ComparableSpecs();
  private final SpecDiff diff = new SpecDiff();

  @Test
  void absentNullEmptyMapAndEmptyListAreAlike() throws Exception {
    JsonNode stored = JSON.readTree("{\"Name\":\"n\",\"Labels\":{},\"Options\":[],\"IPAM\":{\"Driver\":\"default\",\"Options\":{}}}");
    JsonNode live = JSON.readTree("{\"Name\":\"n\",\"Labels\":null,\"IPAM\":{\"Driver\":\"default\",\"Options\":null}}");

    assertThat(paths(ObjectKind.NETWORK, stored, live)).isEmpty();
    assertThat(paths(ObjectKind.SERVICE, stored, live)).isEmpty();
  }

  @Test
  void aSubnetTheSwarmAllocatedIsNotComparedButARequestedOneIs() throws Exception {
    JsonNode none = JSON.readTree("{\"IPAM\":{\"Driver\":\"default\",\"Config\":[]}}");
    JsonNode allocated = JSON.readTree(
        "{\"IPAM\":{\"Driver\":\"default\",\"Config\":[{\"Subnet\":\"10.0.1.0/24\",\"Gateway\":\"10.0.1.1\"}]}}");
    JsonNode requested = JSON.readTree("{\"IPAM\":{\"Driver\":\"default\",\"Config\":[{\"Subnet\":\"10.0.1.0/24\"}]}}");
    JsonNode other = JSON.readTree("{\"IPAM\":{\"Driver\":\"default\",\"Config\":[{\"Subnet\":\"10.9.0.0/24\"}]}}");

    assertThat(paths(ObjectKind.NETWORK, none, allocated)).isEmpty();
    assertThat(paths(ObjectKind.NETWORK, allocated, none)).isEmpty();
    // the gateway only the engine shows is the allocator's
    assertThat(paths(ObjectKind.NETWORK, requested, allocated)).isEmpty();
    assertThat(paths(ObjectKind.NETWORK, other, allocated)).containsExactly("IPAM.Config[0].Subnet");
  }

  @Test
  void aLabelThatIsSetStillDiffers() throws Exception {
    JsonNode a = JSON.readTree("{\"Labels\":{}}");
    JsonNode b = JSON.readTree("{\"Labels\":{\"team\":\"web\"}}");

    assertThat(paths(ObjectKind.NETWORK, a, b)).containsExactly("Labels");
  }

  @Test
  void theInputsAreNotChanged() throws Exception {
    JsonNode a = JSON.readTree("{\"Labels\":{},\"IPAM\":{\"Config\":[]}}");
    JsonNode copy = a.deepCopy();

    normal.of(ObjectKind.NETWORK, a, JSON.readTree("{}"));

    assertThat(a).isEqualTo(copy);
  }

  @Test
  void clusterSettingsLeftAtZeroOrEmptyAreTheEngineDefaults() {
    ClusterSettings stored = new ClusterSettings(JSON.createObjectNode(), List.of(), 0, 0);
    ClusterSettings live = new ClusterSettings(JSON.createObjectNode().putNull("Labels"),
        List.of("10.0.0.0/8"), 24, 4789);
    ClusterSettings other = new ClusterSettings(JSON.createObjectNode(), List.of("10.20.0.0/16"), 24, 4789);

    ComparableSpecs.Pair same = normal.of(stored, live);
    ComparableSpecs.Pair changed = normal.of(stored, other);

    assertThat(diff.paths(same.a(), same.b())).isEmpty();
    assertThat(diff.paths(changed.a(), changed.b())).containsExactly("defaultAddrPool[0]");
  }

  private List<String> paths(ObjectKind kind, JsonNode a, JsonNode b) {
    ComparableSpecs.Pair pair = normal.of(kind, a, b);
    return diff.paths(pair.a(), pair.b());
  }
}
