package dev.swarmsnap.core.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarmsnap.engine.SwarmObjectKind;
import dev.swarmsnap.logical.ClusterSettings;
import dev.swarmsnap.logical.ExportDocument;
import dev.swarmsnap.logical.ExportSource;
import dev.swarmsnap.logical.LogicalObject;
import dev.swarmsnap.logical.ObjectKind;
import dev.swarmsnap.logical.SecretDigest;
import dev.swarmsnap.swarmstate.model.SecretValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ApplyPlannerTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String WEB = """
      {"Name":"web","Labels":{"tier":"front"},
       "TaskTemplate":{"ContainerSpec":{"Image":"nginx:1",
          "Secrets":[{"SecretName":"db_pass","File":{"Name":"db_pass","UID":"0","GID":"0","Mode":292}}],
          "Configs":[{"ConfigName":"site","File":{"Name":"/site","UID":"0","GID":"0","Mode":292}}]},
        "Networks":[{"Target":"backend","Aliases":["www"]}]},
       "Mode":{"Replicated":{"Replicas":2}}}""";

  private static final Rotation IN_USE = new Rotation(true, Set.of());

  private final ApplyPlanner planner = new ApplyPlanner();
  private final FakeSwarmObjects engine = new FakeSwarmObjects();
  private final LiveSource live = new LiveSource(engine, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

  private static ObjectNode json(String text) {
    try {
      return (ObjectNode) MAPPER.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static ExportDocument document(LogicalObject... objects) {
    return ExportDocument.of(new ExportSource(ExportSource.Kind.ARCHIVE, Optional.empty(), Optional.empty(),
        Optional.empty()), Optional.empty(), List.of(objects));
  }

  private static LogicalObject network(String name) {
    return LogicalObject.of(ObjectKind.NETWORK, name, json("{\"Name\":\"" + name + "\",\"Driver\":\"overlay\",\"Attachable\":true}"));
  }

  private static LogicalObject secret(String name, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    return LogicalObject.of(ObjectKind.SECRET, name, json("{\"Name\":\"" + name + "\",\"Labels\":{}}"))
        .withValue(new SecretValue(bytes));
  }

  private static LogicalObject config(String name, String data, String labels) {
    String base64 = Base64.getEncoder().encodeToString(data.getBytes(StandardCharsets.UTF_8));
    return LogicalObject.of(ObjectKind.CONFIG, name,
        json("{\"Name\":\"" + name + "\",\"Labels\":" + labels + ",\"Data\":\"" + base64 + "\"}"));
  }

  private static LogicalObject service(String spec) {
    ObjectNode node = json(spec);
    return LogicalObject.of(ObjectKind.SERVICE, node.path("Name").asText(), node);
  }

  private static ExportDocument full() {
    return document(service(WEB), config("site", "hello", "{}"), secret("db_pass", "s3cret"), network("backend"));
  }

  private ExportDocument target() {
    return live.read();
  }

  /** The fake engine after applying {@code document} to it, as a fresh target. */
  private ExportDocument applied(ExportDocument document) {
    ExportDocument empty = target();
    new ApplyExecutor(engine).execute(planner.plan(document, empty, ExistingPolicy.FAIL), document, empty);
    return target();
  }

  @Test
  void plan_emptyTarget_createsEverythingNetworksFirstServicesLast() {
    ApplyPlan plan = planner.plan(full(), target(), ExistingPolicy.FAIL);

    assertThat(plan.refused()).isFalse();
    assertThat(plan.steps()).extracting(PlannedStep::key)
        .containsExactly("network/backend", "secret/db_pass", "config/site", "service/web");
    assertThat(plan.steps()).extracting(PlannedStep::action).containsOnly(ApplyAction.CREATE);
  }

  @Test
  void execute_mapsReferencesToTheTargetsIds() {
    ExportDocument wanted = full();
    ExportDocument target = target();
    ApplyReport report = new ApplyExecutor(engine).execute(planner.plan(wanted, target, ExistingPolicy.FAIL), wanted, target);

    assertThat(report.complete()).isTrue();
    assertThat(report.applied()).hasSize(4);
    ObjectNode web = engine.spec(SwarmObjectKind.SERVICE, "web");
    ObjectNode container = (ObjectNode) web.path("TaskTemplate").path("ContainerSpec");
    assertThat(container.path("Secrets").get(0).path("SecretID").asText()).isEqualTo(engine.idOf(SwarmObjectKind.SECRET, "db_pass"));
    assertThat(container.path("Secrets").get(0).path("SecretName").asText()).isEqualTo("db_pass");
    assertThat(container.path("Configs").get(0).path("ConfigID").asText()).isEqualTo(engine.idOf(SwarmObjectKind.CONFIG, "site"));
    assertThat(web.path("TaskTemplate").path("Networks").get(0).path("Target").asText())
        .isEqualTo(engine.idOf(SwarmObjectKind.NETWORK, "backend"));
    assertThat(Base64.getDecoder().decode(engine.secretData("db_pass"))).isEqualTo("s3cret".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void plan_afterApply_isEmptyAndSaysSecretValuesAreNotComparable() {
    ExportDocument wanted = full();
    ExportDocument before = target();
    new ApplyExecutor(engine).execute(planner.plan(wanted, before, ExistingPolicy.FAIL), wanted, before);

    ApplyPlan again = planner.plan(wanted, target(), ExistingPolicy.FAIL);

    assertThat(again.empty()).isTrue();
    assertThat(again.refused()).isFalse();
    assertThat(again.steps()).extracting(PlannedStep::action).containsOnly(ApplyAction.UNCHANGED);
    assertThat(again.steps()).filteredOn(s -> s.kind() == ObjectKind.SECRET).extracting(PlannedStep::note)
        .containsExactly("value not comparable through the API");
  }

  @Test
  void liveSource_leavesTheIngressOut_andNamesServiceReferences() {
    engine.create(SwarmObjectKind.NETWORK, "{\"Name\":\"ingress\",\"Driver\":\"overlay\",\"Ingress\":true}");
    ExportDocument wanted = full();
    new ApplyExecutor(engine).execute(planner.plan(wanted, target(), ExistingPolicy.FAIL), wanted, target());

    ExportDocument read = target();

    assertThat(read.ofKind(ObjectKind.NETWORK)).extracting(LogicalObject::name).containsExactly("backend");
    ObjectNode web = read.find(ObjectKind.SERVICE, "web").orElseThrow().spec();
    assertThat(web.path("TaskTemplate").path("Networks").get(0).path("Target").asText()).isEqualTo("backend");
    assertThat(web.path("TaskTemplate").path("ContainerSpec").path("Secrets").get(0).has("SecretID")).isFalse();
    assertThat(read.find(ObjectKind.SERVICE, "web").orElseThrow().sourceId()).isPresent();
  }

  @Test
  void plan_explicitEngineDefaultsAndEmptyFields_matchATargetThatOmitsThem() {
    engine.create(SwarmObjectKind.SERVICE, "{\"Name\":\"api\",\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"a\"}}}");
    LogicalObject withDefaults = service("""
        {"Name":"api","TaskTemplate":{"ContainerSpec":{"Image":"a","Isolation":"default","Env":[]},
         "Resources":{"Limits":{},"Reservations":{}},"ForceUpdate":0},"EndpointSpec":{"Mode":"vip"}}""");

    ApplyPlan plan = planner.plan(document(withDefaults), target(), ExistingPolicy.FAIL);

    assertThat(plan.steps()).extracting(PlannedStep::action).containsExactly(ApplyAction.UNCHANGED);
  }

  @Test
  void plan_emptyIpamConfig_matchesTheSubnetTheSwarmAllocated() {
    engine.create(SwarmObjectKind.NETWORK, "{\"Name\":\"backend\",\"IPAM\":{\"Driver\":\"default\","
        + "\"Config\":[{\"Subnet\":\"10.0.1.0/24\",\"Gateway\":\"10.0.1.1\"}]},\"Attachable\":false}");
    LogicalObject fromArchive = LogicalObject.of(ObjectKind.NETWORK, "backend",
        json("{\"Name\":\"backend\",\"IPAM\":{\"Driver\":\"default\",\"Config\":[]},\"Attachable\":false}"));

    assertThat(planner.plan(document(fromArchive), target(), ExistingPolicy.FAIL).steps())
        .extracting(PlannedStep::action).containsExactly(ApplyAction.UNCHANGED);
  }

  @Test
  void plan_existingServiceDiffers_followsExistingPolicy() {
    engine.create(SwarmObjectKind.NETWORK, "{\"Name\":\"backend\",\"Driver\":\"overlay\",\"Attachable\":true}");
    engine.create(SwarmObjectKind.SECRET, "{\"Name\":\"db_pass\",\"Data\":\"eA==\"}");
    engine.create(SwarmObjectKind.CONFIG, "{\"Name\":\"site\",\"Labels\":{},\"Data\":\"aGVsbG8=\"}");
    engine.create(SwarmObjectKind.SERVICE, WEB.replace("nginx:1", "nginx:2"));

    ApplyPlan fail = planner.plan(full(), target(), ExistingPolicy.FAIL);
    ApplyPlan skip = planner.plan(full(), target(), ExistingPolicy.SKIP);
    ApplyPlan update = planner.plan(full(), target(), ExistingPolicy.UPDATE);

    assertThat(fail.refused()).isTrue();
    assertThat(fail.conflicts()).extracting(PlannedStep::key).containsExactly("service/web");
    assertThat(fail.conflicts().get(0).changedFields()).containsExactly("TaskTemplate.ContainerSpec.Image");
    assertThat(skip.refused()).isFalse();
    assertThat(skip.empty()).isTrue();
    assertThat(skip.steps()).extracting(PlannedStep::action)
        .containsExactly(ApplyAction.UNCHANGED, ApplyAction.UNCHANGED, ApplyAction.UNCHANGED, ApplyAction.SKIP);
    assertThat(update.changes()).extracting(PlannedStep::key).containsExactly("service/web");
  }

  @Test
  void execute_updatesAServiceAtItsVersion_thenPlansNothing() {
    engine.create(SwarmObjectKind.NETWORK, "{\"Name\":\"backend\",\"Driver\":\"overlay\",\"Attachable\":true}");
    engine.create(SwarmObjectKind.SECRET, "{\"Name\":\"db_pass\",\"Labels\":{},\"Data\":\"eA==\"}");
    engine.create(SwarmObjectKind.CONFIG, "{\"Name\":\"site\",\"Labels\":{},\"Data\":\"aGVsbG8=\"}");
    engine.create(SwarmObjectKind.SERVICE, WEB.replace("nginx:1", "nginx:2"));
    ExportDocument target = target();

    ApplyReport report = new ApplyExecutor(engine).execute(planner.plan(full(), target, ExistingPolicy.UPDATE), full(), target);

    assertThat(report.applied()).extracting(AppliedStep::action).containsExactly(ApplyAction.UPDATE);
    assertThat(engine.spec(SwarmObjectKind.SERVICE, "web").path("TaskTemplate").path("ContainerSpec").path("Image").asText())
        .isEqualTo("nginx:1");
    assertThat(planner.plan(full(), target(), ExistingPolicy.FAIL).empty()).isTrue();
  }

  @Test
  void plan_configDataDiffers_isAConflictEvenWithUpdate_butLabelsAloneUpdate() {
    engine.create(SwarmObjectKind.CONFIG, "{\"Name\":\"site\",\"Labels\":{},\"Data\":\"b3RoZXI=\"}");
    engine.create(SwarmObjectKind.CONFIG, "{\"Name\":\"motd\",\"Labels\":{},\"Data\":\"aGk=\"}");
    ExportDocument wanted = document(config("site", "hello", "{}"), config("motd", "hi", "{\"a\":\"b\"}"));

    ApplyPlan plan = planner.plan(wanted, target(), ExistingPolicy.UPDATE);

    assertThat(plan.conflicts()).extracting(PlannedStep::key).containsExactly("config/site");
    assertThat(plan.conflicts().get(0).note()).contains("cannot change a config's data", "--rotate-in-use");
    assertThat(plan.changes()).extracting(PlannedStep::key).containsExactly("config/motd");
  }

  @Test
  void rotateInUse_createsTheNewConfig_pointsTheServiceAtIt_removesTheOld_andARerunPlansNothing() {
    applied(document(service(WEB), config("site", "other", "{}"), secret("db_pass", "s3cret"), network("backend")));
    String oldId = engine.idOf(SwarmObjectKind.CONFIG, "site");
    ExportDocument before = target();

    assertThat(planner.plan(full(), before, ExistingPolicy.UPDATE, Rotation.NONE).conflicts())
        .extracting(PlannedStep::key).containsExactly("config/site");
    ApplyPlan plan = planner.plan(full(), before, ExistingPolicy.UPDATE, IN_USE);

    String rotated = "site-" + SecretDigest.of("hello".getBytes(StandardCharsets.UTF_8)).substring(7, 15);
    assertThat(plan.refused()).isFalse();
    assertThat(plan.changes()).singleElement().satisfies(step -> {
      assertThat(step.action()).isEqualTo(ApplyAction.ROTATE);
      assertThat(step.key()).isEqualTo("config/site");
      assertThat(step.note()).contains("as " + rotated, "updates service/web", "removes the old site");
    });
    ApplyReport report = new ApplyExecutor(engine).execute(plan, full(), before);

    assertThat(report.complete()).isTrue();
    assertThat(engine.list(SwarmObjectKind.CONFIG)).extracting(o -> o.name()).containsExactly(rotated);
    assertThat(engine.list(SwarmObjectKind.CONFIG)).extracting(o -> o.id()).doesNotContain(oldId);
    ObjectNode ref = (ObjectNode) engine.spec(SwarmObjectKind.SERVICE, "web").path("TaskTemplate").path("ContainerSpec")
        .path("Configs").get(0);
    assertThat(ref.path("ConfigID").asText()).isEqualTo(engine.idOf(SwarmObjectKind.CONFIG, rotated));
    assertThat(ref.path("ConfigName").asText()).isEqualTo(rotated);
    assertThat(ref.path("File")).isEqualTo(json("{\"Name\":\"/site\",\"UID\":\"0\",\"GID\":\"0\",\"Mode\":292}"));
    ApplyPlan again = planner.plan(full(), target(), ExistingPolicy.UPDATE, IN_USE);
    assertThat(again.empty()).as(again.steps().toString()).isTrue();
  }

  @Test
  void rotateInUse_alsoRepointsAServiceOutsideTheDocument_thenRemovesTheOld() {
    applied(document(service(WEB), config("site", "other", "{}"), secret("db_pass", "s3cret"), network("backend")));
    ExportDocument before = target();
    ExportDocument onlySite = document(config("site", "hello", "{}"));

    ApplyPlan plan = planner.plan(onlySite, before, ExistingPolicy.UPDATE, IN_USE);
    // web is not in the document, but it is on the target: rotation points it at the new config
    assertThat(plan.changes()).singleElement().satisfies(step -> assertThat(step.note()).contains("updates service/web"));
    new ApplyExecutor(engine).execute(plan, onlySite, before);

    assertThat(engine.list(SwarmObjectKind.CONFIG)).hasSize(1);
    assertThat(planner.plan(onlySite, target(), ExistingPolicy.UPDATE, IN_USE).empty()).isTrue();
  }

  @Test
  void rotateInUse_aSecretWithoutValueIsRefused() {
    engine.create(SwarmObjectKind.SECRET, "{\"Name\":\"db_pass\",\"Labels\":{},\"Data\":\"eA==\"}");
    LogicalObject noValue = LogicalObject.of(ObjectKind.SECRET, "db_pass",
        json("{\"Name\":\"db_pass\",\"Driver\":{\"Name\":\"vault\"}}"));

    ApplyPlan plan = planner.plan(document(noValue), target(), ExistingPolicy.UPDATE, IN_USE);

    assertThat(plan.refused()).isTrue();
    assertThat(plan.problems()).singleElement().asString().contains("secret/db_pass", "no value");
  }

  @Test
  void rotateSecret_rotatesASecretWhoseSpecMatches_onceOnly() {
    applied(document(service(WEB), config("site", "hello", "{}"), secret("db_pass", "old"), network("backend")));
    ExportDocument before = target();
    Rotation forced = new Rotation(false, Set.of("db_pass"));

    assertThat(planner.plan(full(), before, ExistingPolicy.UPDATE, Rotation.NONE).empty()).isTrue();
    ApplyPlan plan = planner.plan(full(), before, ExistingPolicy.UPDATE, forced);
    assertThat(plan.changes()).singleElement().satisfies(step -> {
      assertThat(step.action()).isEqualTo(ApplyAction.ROTATE);
      assertThat(step.changedFields()).containsExactly("value (--rotate-secret)");
    });
    new ApplyExecutor(engine).execute(plan, full(), before);

    String rotated = "db_pass-" + SecretDigest.of("s3cret".getBytes(StandardCharsets.UTF_8)).substring(7, 15);
    assertThat(Base64.getDecoder().decode(engine.secretData(rotated))).isEqualTo("s3cret".getBytes(StandardCharsets.UTF_8));
    assertThat(engine.list(SwarmObjectKind.SECRET)).extracting(o -> o.name()).containsExactly(rotated);
    assertThat(engine.spec(SwarmObjectKind.SERVICE, "web").path("TaskTemplate").path("ContainerSpec").path("Secrets")
        .get(0).path("SecretID").asText()).isEqualTo(engine.idOf(SwarmObjectKind.SECRET, rotated));
    assertThat(planner.plan(full(), target(), ExistingPolicy.UPDATE, forced).empty()).isTrue();
    assertThat(planner.plan(full(), target(), ExistingPolicy.UPDATE, new Rotation(false, Set.of("nope"))).problems())
        .singleElement().asString().contains("--rotate-secret nope");
  }

  @Test
  void plan_networkDiffers_cannotBeUpdated() {
    engine.create(SwarmObjectKind.NETWORK, "{\"Name\":\"backend\",\"Driver\":\"overlay\",\"Attachable\":false}");

    ApplyPlan plan = planner.plan(document(network("backend")), target(), ExistingPolicy.UPDATE);

    assertThat(plan.conflicts()).extracting(PlannedStep::changedFields).containsExactly(List.of("Attachable"));
    assertThat(plan.conflicts().get(0).note()).contains("cannot change a network in place");
  }

  @Test
  void plan_engineOwnedNetworks_areNeverApplied_andADifferentIngressIsReported() {
    ExportDocument targetWithIngress = document(LogicalObject.of(ObjectKind.NETWORK, "ingress", json(
        "{\"Name\":\"ingress\",\"Driver\":\"overlay\",\"Ingress\":true,\"IPAM\":{\"Config\":[{\"Subnet\":\"10.0.0.0/24\"}]}}")));
    LogicalObject ingress = LogicalObject.of(ObjectKind.NETWORK, "ingress",
        json("{\"Name\":\"ingress\",\"Ingress\":true,\"IPAM\":{\"Config\":[{\"Subnet\":\"10.99.0.0/24\"}]}}"));
    LogicalObject bridge = LogicalObject.of(ObjectKind.NETWORK, "docker_gwbridge", json("{\"Name\":\"docker_gwbridge\"}"));

    ApplyPlan plan = planner.plan(document(ingress, bridge), targetWithIngress, ExistingPolicy.UPDATE);

    assertThat(plan.steps()).extracting(PlannedStep::action).containsOnly(ApplyAction.ENGINE_OWNED);
    assertThat(plan.empty()).isTrue();
    assertThat(plan.notes()).singleElement().asString().contains("network/ingress differs", "IPAM.Config[0].Subnet");
  }

  @Test
  void plan_theTargetsIngressIsInItsClusterSettings_andADifferentOneIsReportedNotChanged() {
    engine.create(SwarmObjectKind.NETWORK, "{\"Name\":\"ingress\",\"Driver\":\"overlay\",\"Ingress\":true,"
        + "\"IPAM\":{\"Driver\":\"default\",\"Config\":[{\"Subnet\":\"10.0.0.0/24\",\"Gateway\":\"10.0.0.1\"}]}}");
    ExportDocument target = target();
    ClusterSettings live = target.cluster().orElseThrow();
    assertThat(live.ingress()).isPresent();
    assertThat(target.find(ObjectKind.NETWORK, "ingress")).isEmpty();
    ObjectNode requested = json("{\"Name\":\"ingress\",\"Driver\":\"overlay\",\"Ingress\":true,"
        + "\"IPAM\":{\"Driver\":\"default\",\"Config\":[{\"Subnet\":\"10.99.0.0/24\"}]}}");
    ExportDocument wanted = ExportDocument.of(new ExportSource(ExportSource.Kind.ARCHIVE, Optional.empty(),
        Optional.empty(), Optional.empty()), Optional.of(new ClusterSettings(live.swarmSpec(), live.defaultAddrPool(),
        live.subnetSize(), live.dataPathPort(), Optional.of(requested))), List.of());
    ((ObjectNode) requested.get("IPAM")).remove("Config");
    ExportDocument unrequested = ExportDocument.of(wanted.source(), Optional.of(new ClusterSettings(live.swarmSpec(),
        live.defaultAddrPool(), live.subnetSize(), live.dataPathPort(), Optional.of(requested))), List.of());

    ApplyPlan plan = planner.plan(wanted, target, ExistingPolicy.UPDATE);

    assertThat(plan.empty()).isTrue();
    assertThat(plan.notes()).singleElement().asString().startsWith("ingress differs: IPAM.Config[0].Subnet;");
    assertThat(planner.plan(unrequested, target, ExistingPolicy.UPDATE).notes()).isEmpty();
  }

  @Test
  void plan_referenceToNothing_isRefused_butOneOnTheTargetIsFine() {
    ApplyPlan missing = planner.plan(document(service(WEB)), target(), ExistingPolicy.FAIL);
    engine.create(SwarmObjectKind.NETWORK, "{\"Name\":\"backend\"}");
    engine.create(SwarmObjectKind.SECRET, "{\"Name\":\"db_pass\",\"Data\":\"eA==\"}");
    engine.create(SwarmObjectKind.CONFIG, "{\"Name\":\"site\",\"Data\":\"eA==\"}");
    ApplyPlan onTarget = planner.plan(document(service(WEB)), target(), ExistingPolicy.FAIL);

    assertThat(missing.refused()).isTrue();
    assertThat(missing.problems()).hasSize(3).anySatisfy(p ->
        assertThat(p).contains("service/web uses secret/db_pass", "--only secret/db_pass"));
    assertThat(onTarget.refused()).isFalse();
  }

  @Test
  void plan_secretWithoutValueOrBadName_isRefused() {
    LogicalObject noValue = LogicalObject.of(ObjectKind.SECRET, "db_pass", json("{\"Name\":\"db_pass\"}"));
    LogicalObject badName = LogicalObject.of(ObjectKind.CONFIG, "-bad name", json("{\"Name\":\"-bad name\",\"Data\":\"\"}"));

    ApplyPlan plan = planner.plan(document(noValue, badName), target(), ExistingPolicy.FAIL);

    assertThat(plan.problems()).hasSize(2);
    assertThat(plan.problems().get(0)).contains("secret/db_pass", "holds no value");
    assertThat(plan.problems().get(1)).contains("config name '-bad name' is not valid");
  }

  @Test
  void execute_failureInTheMiddle_reportsAppliedAndNotAttempted_andARerunContinues() {
    engine.refuseToCreate("site");
    ExportDocument target = target();
    ApplyReport report = new ApplyExecutor(engine).execute(planner.plan(full(), target, ExistingPolicy.FAIL), full(), target);

    assertThat(report.complete()).isFalse();
    assertThat(report.applied()).extracting(AppliedStep::key).containsExactly("network/backend", "secret/db_pass");
    assertThat(report.failed().orElseThrow().object()).isEqualTo("config/site");
    assertThat(report.failed().orElseThrow().reason()).contains("injected failure");
    assertThat(report.notAttempted()).containsExactly("service/web");

    engine.allowAll();
    ApplyPlan rerun = planner.plan(full(), target(), ExistingPolicy.FAIL);
    assertThat(rerun.changes()).extracting(PlannedStep::key).containsExactly("config/site", "service/web");
  }
}
