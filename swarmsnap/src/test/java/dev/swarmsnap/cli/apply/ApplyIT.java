package dev.swarmsnap.cli.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarmsnap.archive.ArchiveReader;
import dev.swarmsnap.archive.manifest.ManifestCodec;
import dev.swarmsnap.core.apply.ApplyAction;
import dev.swarmsnap.core.apply.ApplyPlan;
import dev.swarmsnap.core.apply.ApplyPlanner;
import dev.swarmsnap.core.apply.ExistingPolicy;
import dev.swarmsnap.core.apply.LiveSource;
import dev.swarmsnap.core.export.SwarmLogicalSource;
import dev.swarmsnap.core.inspect.InspectService;
import dev.swarmsnap.crypto.age.AgeIdentities;
import dev.swarmsnap.engine.EngineEndpoint;
import dev.swarmsnap.engine.dockerjava.DockerJavaSwarmObjects;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.lab.Lab;
import dev.swarmsnap.lab.LabNode;
import dev.swarmsnap.lab.LabSettings;
import dev.swarmsnap.lab.LabSpec;
import dev.swarmsnap.lab.LabSwarm;
import dev.swarmsnap.lab.Labs;
import dev.swarmsnap.logical.ExportDocument;
import dev.swarmsnap.logical.ExportDocumentCodec;
import dev.swarmsnap.logical.ExportSource;
import dev.swarmsnap.logical.SecretDigest;
import dev.swarmsnap.logical.LogicalObject;
import dev.swarmsnap.logical.ObjectKind;
import dev.swarmsnap.testing.HostCommand;
import dev.swarmsnap.testing.Swarmsnap;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code swarmsnap apply} between real swarms: a 3-manager source lab (the default engine) with
 * services that use secrets, configs and overlay networks, backed up and applied to a 1-manager
 * target lab (Docker 28 when scripts/engines.sh has fetched it); then selective restore on the
 * source, dry run and idempotence on the target.
 */
@LabSwarm(managers = 3, workers = 0, sampleObjects = false)
@Timeout(600)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApplyIT {
  private static final Duration QUICK = Duration.ofSeconds(60);
  private static final String IMAGE = "swarmsnap-lab/none:1";
  private static final Path NEWER_ENGINE = Path.of("/var/cache/swarmsnap/engines/28.5.2/usr/sbin/dockerd");

  @TempDir static Path work;
  private static Lab target;
  private static Path archive;

  @BeforeAll
  static void createObjectsBackUpAndStartTheTarget(Lab source) {
    String m = source.leader();
    docker(source, m, "network", "create", "--driver", "overlay", "--attachable", "--label", "team=core", "backend");
    docker(source, m, "network", "create", "--driver", "overlay", "frontnet");
    stdin(source, m, "s3cret-1", "secret", "create", "--label", "app=web", "db_pass", "-");
    stdin(source, m, "key-2", "secret", "create", "api_key", "-");
    stdin(source, m, "hello world", "config", "create", "--label", "v=1", "site", "-");
    docker(source, m, "service", "create", "--detach", "--no-resolve-image", "--name", "web", "--replicas", "2",
        "--secret", "db_pass", "--config", "src=site,target=/etc/site", "--network", "backend", "--network", "frontnet",
        "--publish", "published=8080,target=80", "--constraint", "node.role==manager", "--label", "tier=front",
        "--container-label", "c=1", "--health-cmd", "true", "--health-interval", "5s", "--limit-memory", "64M",
        "--reserve-cpu", "0.1", "--update-parallelism", "2", "--update-delay", "3s", "--env", "A=1", IMAGE);
    docker(source, m, "service", "create", "--detach", "--no-resolve-image", "--name", "worker",
        "--secret", "source=api_key,target=/run/k,mode=0400", "--network", "backend", IMAGE);
    docker(source, m, "service", "create", "--detach", "--no-resolve-image", "--name", "once",
        "--mode", "replicated-job", IMAGE);

    LabNode follower = source.nodes().stream().filter(n -> !n.name().equals(m)).findFirst().orElseThrow();
    Swarmsnap.Run backup = swarmsnap(follower, "backup", "--output", work.resolve("source").toString(), "--json");
    assertThat(backup.code()).as(backup.err()).isZero();
    archive = Path.of(backup.json().path("archive").asText());

    LabSettings settings = LabSettings.defaults();
    String registry = System.getProperty("swarmsnap.lab.registry");
    if (registry != null && !registry.isBlank()) {
      settings = settings.withRegistryDir(Path.of(registry));
    }
    if (Files.isExecutable(NEWER_ENGINE)) {
      settings = settings.withDockerd(NEWER_ENGINE.toString());
    } else {
      System.out.println("ApplyIT: " + NEWER_ENGINE + " is absent (scripts/engines.sh fetches it);"
          + " the target runs the default engine");
    }
    target = new Labs(settings).up(new LabSpec(uniqueName(), 1, 0, false, Optional.empty(), false));
  }

  @AfterAll
  static void downTheTarget() {
    if (target != null) {
      target.down();
    }
  }

  @Test
  @Order(1)
  void migration_everyObjectArrivesWithEqualSpecsAndSecretValues(Lab source) throws Exception {
    System.out.println("ApplyIT: source engine " + source.engineVersion(source.leader()).orElse("?")
        + ", target engine " + target.engineVersion("m1").orElse("?"));
    Path identity = work.resolve("identity.txt");
    assertThat(HostCommand.run("age-keygen", "-o", identity.toString()).ok()).isTrue();
    String recipient = HostCommand.run("age-keygen", "-y", identity.toString()).output().strip();
    Path document = work.resolve("swarm.json.age");
    Swarmsnap.Run export = swarmsnap(source.node(source.leader()), "export", archive.toString(), "--with-secret-values",
        "--encrypt-to", recipient, "-o", document.toString());
    assertThat(export.code()).as(export.err()).isZero();

    Swarmsnap.Run apply = swarmsnap(target.node("m1"), "apply", document.toString(), "--identity", identity.toString(),
        "--yes", "--json");

    assertThat(apply.code()).as(apply.out() + apply.err()).isZero();
    assertThat(apply.json().path("report").path("applied").size()).isEqualTo(8);
    ExportDocument from = live(source.node(source.leader()));
    ExportDocument to = live(target.node("m1"));
    assertThat(names(to)).isEqualTo(names(from));
    ApplyPlan sourceInTarget = new ApplyPlanner().plan(from.select(List.of(), List.of()), to, ExistingPolicy.FAIL);
    assertThat(sourceInTarget.steps()).allSatisfy(step ->
        assertThat(step.action()).as(step.key() + " " + step.changedFields()).isIn(ApplyAction.UNCHANGED, ApplyAction.ENGINE_OWNED));
    // And the other way round, so no field of the source is missing on the target either.
    ApplyPlan targetInSource = new ApplyPlanner().plan(to, from, ExistingPolicy.FAIL);
    assertThat(targetInSource.steps()).filteredOn(s -> s.kind() == ObjectKind.SERVICE).allSatisfy(step ->
        assertThat(step.action()).as(step.key() + " " + step.changedFields()).isEqualTo(ApplyAction.UNCHANGED));
    LogicalObject web = to.find(ObjectKind.SERVICE, "web").orElseThrow();
    assertThat(web.spec().path("TaskTemplate").path("Networks").findValuesAsText("Target"))
        .containsExactlyInAnyOrder("backend", "frontnet");

    Swarmsnap.Run backup = swarmsnap(target.node("m1"), "backup", "--output", work.resolve("target").toString(),
        "--accept-outage", "--json");
    assertThat(backup.code()).as(backup.err()).isZero();
    assertThat(secretDigests(Path.of(backup.json().path("archive").asText())))
        .isEqualTo(secretDigests(archive)).containsOnlyKeys("api_key", "db_pass");
  }

  @Test
  @Order(2)
  void dryRun_changesNothing_andPrintsThePlanTheRealRunCarriesOut() {
    LabNode m1 = target.node("m1");
    docker(target, "m1", "service", "rm", "worker");
    docker(target, "m1", "service", "rm", "web");
    docker(target, "m1", "config", "rm", "site");
    Map<String, Long> before = versions(live(m1));

    Swarmsnap.Run dry = swarmsnap(m1, "apply", archive.toString(), "--dry-run");
    assertThat(dry.code()).as(dry.out() + dry.err()).isZero();
    assertThat(versions(live(m1))).isEqualTo(before);
    assertThat(dry.out()).contains("create      config/site", "create      service/web", "create      service/worker",
        "unchanged   secret/db_pass (value not comparable through the API)");

    Swarmsnap.Run unconfirmed = swarmsnap(m1, "apply", archive.toString());
    assertThat(unconfirmed.code()).as(unconfirmed.err()).isEqualTo(ExitCode.UNSAFE.code());
    assertThat(unconfirmed.err()).contains("no terminal", "--yes");
    assertThat(versions(live(m1))).isEqualTo(before);

    Swarmsnap.Run real = swarmsnap(m1, "apply", archive.toString(), "--yes");
    assertThat(real.code()).as(real.out() + real.err()).isZero();
    assertThat(planLines(real.out())).isEqualTo(planLines(dry.out()));
    assertThat(real.out()).contains("created config/site", "created service/web", "created service/worker",
        "Applied 3 change(s).");

    Swarmsnap.Run again = swarmsnap(m1, "apply", archive.toString(), "--json");
    assertThat(again.code()).as(again.out() + again.err()).isZero();
    assertThat(again.json().path("plan").path("steps").findValuesAsText("action"))
        .isSubsetOf("UNCHANGED", "ENGINE_OWNED");
    assertThat(again.json().path("report").isMissingNode() || again.json().path("report").isNull()).isTrue();
  }

  @Test
  @Order(3)
  void aDifferingServiceIsAConflictByDefault_andNothingChanges() {
    LabNode m1 = target.node("m1");
    docker(target, "m1", "service", "update", "--detach", "--no-resolve-image", "--image", "swarmsnap-lab/none:2", "web");
    Map<String, Long> before = versions(live(m1));

    Swarmsnap.Run apply = swarmsnap(m1, "apply", archive.toString(), "--yes");

    Swarmsnap.Run json = swarmsnap(m1, "apply", archive.toString(), "--yes", "--json");

    assertThat(apply.code()).as(apply.out() + apply.err()).isEqualTo(ExitCode.CONFLICT.code());
    assertThat(apply.out()).contains("conflict    service/web: TaskTemplate.ContainerSpec.Image");
    assertThat(apply.err()).contains("--existing");
    assertThat(json.code()).isEqualTo(ExitCode.CONFLICT.code());
    assertThat(json.json().path("plan").path("steps").findValuesAsText("action")).contains("CONFLICT");
    assertThat(versions(live(m1))).isEqualTo(before);

    Swarmsnap.Run update = swarmsnap(m1, "apply", archive.toString(), "--existing", "update", "--yes");
    assertThat(update.code()).as(update.out() + update.err()).isZero();
    assertThat(update.out()).contains("updated service/web");
  }

  @Test
  @Order(4)
  void selectiveRestore_bringsBackOnlyTheChosenObjects(Lab source) {
    LabNode leader = source.node(source.leader());
    docker(source, leader.name(), "service", "rm", "worker");
    docker(source, leader.name(), "secret", "rm", "api_key");
    Map<String, Long> before = versions(live(leader));
    Swarmsnap.Run diff = swarmsnap(leader, "diff", archive.toString(), "--live");
    assertThat(diff.code()).as(diff.err()).isEqualTo(ExitCode.FAILED.code());
    System.out.println("ApplyIT: diff ARCHIVE --live after two deletions:\n" + diff.out());
    assertThat(diff.out()).contains("- secret/api_key", "- service/worker").doesNotContain("network/ingress");

    Swarmsnap.Run apply = swarmsnap(leader, "apply", archive.toString(),
        "--only", "secret/api_key", "--only", "service/worker", "--yes");

    assertThat(apply.code()).as(apply.out() + apply.err()).isZero();
    ExportDocument after = live(leader);
    assertThat(after.find(ObjectKind.SECRET, "api_key")).isPresent();
    assertThat(after.find(ObjectKind.SERVICE, "worker").orElseThrow().spec()
        .path("TaskTemplate").path("ContainerSpec").path("Secrets").findValuesAsText("SecretName")).containsExactly("api_key");
    Map<String, Long> unchanged = versions(after);
    unchanged.keySet().retainAll(before.keySet());
    assertThat(unchanged).isEqualTo(before);
  }

  @Test
  @Order(5)
  void rotateInUse_replacesAConfigAServiceUses_andASecondRunPlansNothing() throws Exception {
    LabNode m1 = target.node("m1");
    stdin(target, "m1", "banner v1", "config", "create", "banner", "-");
    docker(target, "m1", "service", "create", "--detach", "--no-resolve-image", "--name", "banner_svc",
        "--config", "source=banner,target=/etc/banner,mode=0440", IMAGE);
    LogicalObject live = live(m1).find(ObjectKind.CONFIG, "banner").orElseThrow();
    ObjectNode spec = live.spec();
    spec.put("Data", Base64.getEncoder().encodeToString("banner v2".getBytes(StandardCharsets.UTF_8)));
    ExportDocument document = ExportDocument.of(new ExportSource(ExportSource.Kind.LIVE, Optional.empty(),
        Optional.empty(), Optional.empty()), Optional.empty(), List.of(LogicalObject.of(ObjectKind.CONFIG, "banner", spec)));
    Path file = work.resolve("banner-v2.json");
    Files.write(file, new ExportDocumentCodec().write(document));

    Swarmsnap.Run refused = swarmsnap(m1, "apply", file.toString(), "--existing", "update", "--yes");
    assertThat(refused.code()).as(refused.out() + refused.err()).isEqualTo(ExitCode.CONFLICT.code());
    assertThat(refused.out()).contains("--rotate-in-use");

    Swarmsnap.Run rotate = swarmsnap(m1, "apply", file.toString(), "--existing", "update", "--rotate-in-use", "--yes");

    assertThat(rotate.code()).as(rotate.out() + rotate.err()).isZero();
    String rotated = "banner-" + SecretDigest.of("banner v2".getBytes(StandardCharsets.UTF_8)).substring(7, 15);
    assertThat(rotate.out()).contains("rotate      config/banner", "as " + rotated, "updates service/banner_svc");
    ExportDocument after = live(m1);
    assertThat(after.find(ObjectKind.CONFIG, "banner")).isEmpty();
    assertThat(new String(Base64.getDecoder().decode(after.find(ObjectKind.CONFIG, rotated).orElseThrow().spec()
        .path("Data").asText()), StandardCharsets.UTF_8)).isEqualTo("banner v2");
    ObjectNode ref = (ObjectNode) after.find(ObjectKind.SERVICE, "banner_svc").orElseThrow().spec()
        .path("TaskTemplate").path("ContainerSpec").path("Configs").get(0);
    assertThat(ref.path("ConfigName").asText()).isEqualTo(rotated);
    assertThat(ref.path("File").path("Name").asText()).isEqualTo("/etc/banner");
    assertThat(ref.path("File").path("Mode").asInt()).isEqualTo(0440);

    Swarmsnap.Run again = swarmsnap(m1, "apply", file.toString(), "--existing", "update", "--rotate-in-use", "--yes");
    assertThat(again.code()).as(again.out() + again.err()).isZero();
    assertThat(again.out()).contains("Nothing to apply.");
  }

  private static Map<String, String> names(ExportDocument document) {
    return document.objects().stream().filter(o -> !o.name().equals("ingress"))
        .collect(Collectors.toMap(LogicalObject::key, LogicalObject::name, (a, b) -> a, TreeMap::new));
  }

  private static Map<String, Long> versions(ExportDocument document) {
    Map<String, Long> versions = new TreeMap<>();
    document.objects().forEach(o -> versions.put(o.key(), o.sourceVersion().orElse(0L)));
    return versions;
  }

  /** The plan part of apply's text output: its lines up to the summary. */
  private static List<String> planLines(String out) {
    return out.lines().takeWhile(l -> !l.startsWith("  created") && !l.startsWith("Applied")).toList();
  }

  private static ExportDocument live(LabNode node) {
    EngineEndpoint endpoint = new EngineEndpoint(URI.create("unix://" + node.socket()), Duration.ofSeconds(5), QUICK);
    try (DockerJavaSwarmObjects engine = new DockerJavaSwarmObjects(endpoint)) {
      return new LiveSource(engine, Clock.systemUTC()).read();
    }
  }

  private static Map<String, String> secretDigests(Path archive) {
    ExportDocument document = new SwarmLogicalSource(archive,
        new InspectService(new ArchiveReader(new ManifestCodec(), AgeIdentities.none())), Optional.empty(), false).read();
    Map<String, String> digests = new TreeMap<>();
    document.ofKind(ObjectKind.SECRET).forEach(s -> digests.put(s.name(), s.valueDigest().orElse("none")));
    return digests;
  }

  private static Swarmsnap.Run swarmsnap(LabNode node, String... args) {
    Map<String, String> env = new HashMap<>(Swarmsnap.envFor(node));
    env.put("SWARMSNAP_RUN_DIR", work.resolve("run").toString());
    return Swarmsnap.run(env, args);
  }

  private static void docker(Lab lab, String node, String... args) {
    lab.docker(node, QUICK, args).requireOk(String.join(" ", args));
  }

  private static void stdin(Lab lab, String node, String input, String... args) {
    lab.dockerWithStdin(node, QUICK, input, args).requireOk(String.join(" ", args));
  }

  private static String uniqueName() {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    SecureRandom random = new SecureRandom();
    StringBuilder name = new StringBuilder("a");
    for (int i = 0; i < 6; i++) {
      name.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return name.toString();
  }
}
