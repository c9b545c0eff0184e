package dev.swarmsnap.logical;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarmsnap.swarmstate.model.SecretValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class DocumentDiffTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final DocumentDiff diff = new DocumentDiff();

  @Test
  void aDocumentEqualsItselfReadBack() {
    ExportDocument doc = ExportDocumentCodecTest.document(false);
    ExportDocumentCodec codec = new ExportDocumentCodec();

    assertThat(diff.compare(doc, codec.read(codec.write(doc), "d")).none()).isTrue();
  }

  @Test
  void addedRemovedAndChangedObjectsAreListedWithTheChangedPaths() throws Exception {
    ExportDocument a = ExportDocumentCodecTest.document(false);
    List<LogicalObject> objects = new ArrayList<>(a.objects());
    objects.removeIf(o -> o.key().equals("network/backend"));
    ObjectNode web = (ObjectNode) JSON.readTree(
        "{\"Name\":\"web\",\"UpdateConfig\":{\"MaxFailureRatio\":0.3,\"Parallelism\":1.0},\"Future\":{\"Field\":[1]}}");
    objects.replaceAll(o -> o.key().equals("service/web") ? LogicalObject.of(ObjectKind.SERVICE, "web", web) : o);
    objects.add(LogicalObject.of(ObjectKind.SECRET, "new_pass", (ObjectNode) JSON.readTree("{\"Name\":\"new_pass\"}")));
    ExportDocument b = ExportDocument.of(a.source(), a.cluster(), objects);

    DocumentDiff.Changes changes = diff.compare(a, b);

    assertThat(changes.objects()).containsExactly(
        new DocumentDiff.ObjectChange(ObjectKind.NETWORK, "backend", DocumentDiff.Change.REMOVED, List.of()),
        new DocumentDiff.ObjectChange(ObjectKind.SECRET, "new_pass", DocumentDiff.Change.ADDED, List.of()),
        new DocumentDiff.ObjectChange(ObjectKind.SERVICE, "web", DocumentDiff.Change.CHANGED,
            List.of("Future.Field[1]", "UpdateConfig.MaxFailureRatio")));
    assertThat(changes.cluster()).isEmpty();
  }

  @Test
  void secretValuesCompareByDigestOnlyWhenBothSidesKnowIt() {
    ExportDocument a = ExportDocumentCodecTest.document(true);
    byte[] other = "another".getBytes(StandardCharsets.UTF_8);
    List<LogicalObject> changed = new ArrayList<>(a.objects());
    changed.replaceAll(o -> o.kind() == ObjectKind.SECRET
        ? o.withoutValue().withValueDigest(SecretDigest.of(other)).withValue(new SecretValue(other)) : o);
    List<LogicalObject> unknown = new ArrayList<>(a.objects());
    unknown.replaceAll(o -> o.kind() == ObjectKind.SECRET ? LogicalObject.of(o.kind(), o.name(), o.spec()) : o);

    assertThat(diff.compare(a, ExportDocument.of(a.source(), a.cluster(), changed)).objects())
        .containsExactly(new DocumentDiff.ObjectChange(ObjectKind.SECRET, "db_pass", DocumentDiff.Change.CHANGED, List.of("value")));
    assertThat(diff.compare(a, ExportDocument.of(a.source(), a.cluster(), unknown)).none()).isTrue();
  }

  @Test
  void clusterSettingsChangesAreListed() {
    ExportDocument a = ExportDocumentCodecTest.document(false);
    ClusterSettings c = a.cluster().orElseThrow();
    ObjectNode spec = c.swarmSpec();
    ((ObjectNode) spec.get("Raft")).put("ElectionTick", 20);
    ExportDocument b = ExportDocument.of(a.source(), java.util.Optional.of(new ClusterSettings(spec, List.of(), 24, 4789)), a.objects());

    assertThat(diff.compare(a, b).cluster()).containsExactly("defaultAddrPool[0]", "spec.Raft.ElectionTick");
  }

  @Test
  void aRequestedIngressSubnetThatDiffersIsListed_anIngressOnOneSideOnlyIsNot() throws Exception {
    ExportDocument a = ExportDocumentCodecTest.document(false);
    ClusterSettings c = a.cluster().orElseThrow();
    ObjectNode other = c.ingress().orElseThrow();
    ((ObjectNode) other.get("IPAM").get("Config").get(0)).put("Subnet", "10.99.0.0/24");
    ExportDocument b = ExportDocument.of(a.source(), java.util.Optional.of(
        new ClusterSettings(c.swarmSpec(), c.defaultAddrPool(), 24, 4789, java.util.Optional.of(other))), a.objects());
    ExportDocument older = ExportDocument.of(a.source(), java.util.Optional.of(
        new ClusterSettings(c.swarmSpec(), c.defaultAddrPool(), 24, 4789)), a.objects());

    assertThat(diff.compare(a, b).cluster()).containsExactly("ingress.IPAM.Config[0].Subnet");
    assertThat(diff.compare(older, b).none()).isTrue();
  }
}
