package dev.swarmsnap.cli.recover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.cli.restore.RestoreLab;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.lab.Lab;
import dev.swarmsnap.lab.LabNode;
import dev.swarmsnap.lab.LabSwarm;
import dev.swarmsnap.testing.Swarmsnap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code swarmsnap recover} on a real 3-manager swarm with services, secrets, configs and networks:
 * refused while the cluster has a leader; after two of three managers are killed, a dry run and a
 * run without {@code --yes} change nothing, a failed start rolls back, and the real run brings the
 * cluster back on the survivor with every object under the ID the API showed before the loss.
 */
@LabSwarm(managers = 3, workers = 0)
@Timeout(900)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecoverIT {
  @TempDir static Path runDir;
  static String survivor;
  static Map<String, Set<String>> idsBefore;

  @Test
  @Order(1)
  void aHealthyClusterIsRefusedAndNothingChanges(Lab lab) throws Exception {
    String leader = lab.leader();
    LabNode node = RecoverLab.managers(lab).stream().filter(n -> !n.name().equals(leader)).findFirst().orElseThrow();
    survivor = node.name();
    idsBefore = RecoverLab.objectIds(lab, node);
    Map<String, String> before = RecoverLab.stableHashes(node);

    Swarmsnap.Run run = RestoreLab.swarmsnap(node, runDir, Map.of(), "recover", "--yes", "--settle", "1");

    assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.UNSAFE.code());
    assertThat(run.err()).contains("has a leader").contains("nothing to recover").contains("docker node rm")
        .doesNotContain("stopping the engine").doesNotContain("Exception");
    assertThat(RecoverLab.stableHashes(node)).isEqualTo(before);
    assertThat(RecoverLab.leftovers(node)).isEmpty();
    assertThat(RestoreLab.inspect(lab, lab.node(lab.leader()), node.hostname(), "{{.ManagerStatus.Reachability}}"))
        .isEqualTo("reachable");
  }

  @Test
  @Order(2)
  void afterLosingTwoOfThreeManagersADryRunShowsThePlanAndChangesNothing(Lab lab) throws Exception {
    LabNode node = lab.node(survivor);
    RecoverLab.managers(lab).stream().filter(n -> !n.name().equals(survivor)).forEach(n -> lab.kill(n.name()));
    Map<String, String> before = RecoverLab.stableHashes(node);

    Swarmsnap.Run run = RestoreLab.swarmsnap(node, runDir, Map.of(), "recover", "--dry-run", "--json");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.json().path("dryRun").asBoolean()).isTrue();
    assertThat(run.json().path("quorum").path("engineError").asText()).contains("does not have a leader");
    assertThat(run.json().path("quorum").path("knownManagers")).hasSize(3);
    assertThat(run.json().path("quorum").path("answering")).hasSize(1);
    assertThat(run.json().path("plan").path("steps").toString()).contains("force-new-cluster").contains("before-recover-");
    assertThat(run.json().path("objects").path("services").asInt()).isEqualTo(idsBefore.get("services").size());
    assertThat(RecoverLab.stableHashes(node)).isEqualTo(before);
    assertThat(RecoverLab.leftovers(node)).isEmpty();
    assertThat(lab.running(node.name())).isTrue();
  }

  @Test
  @Order(3)
  void withoutYesAndWithoutATerminalItIsRefused(Lab lab) throws Exception {
    LabNode node = lab.node(survivor);

    Swarmsnap.Run run = RestoreLab.swarmsnap(node, runDir, Map.of(), "recover", "--settle", "1");

    assertThat(run.code()).isEqualTo(ExitCode.UNSAFE.code());
    assertThat(run.err()).contains("--yes").doesNotContain("stopping the engine");
    assertThat(RecoverLab.leftovers(node)).isEmpty();
  }

  @Test
  @Order(4)
  void aFailedStartRollsBackToTheOriginalDirectory(Lab lab) throws Exception {
    LabNode node = lab.node(survivor);
    Map<String, String> before = RecoverLab.stableHashes(node);
    try {
      Swarmsnap.Run run = RestoreLab.swarmsnap(node, runDir,
          Map.of("SWARMSNAP_START_CMD", "echo 'dockerd: simulated failure' >&2; exit 1"), "recover", "--yes", "--settle", "1");

      assertThat(run.code()).as(run.err()).isNotZero();
      assertThat(run.err()).contains("rolled back").contains("previous swarm directory is back").contains("simulated failure");
      assertThat(RecoverLab.stableHashes(node)).isEqualTo(before);
      assertThat(RestoreLab.siblings(node.swarmDir(), ".before-recover-")).isEmpty();
      assertThat(RestoreLab.siblings(node.swarmDir(), ".failed-recover-")).hasSize(1);
    } finally {
      lab.start(node.name());
    }
  }

  @Test
  @Order(5)
  void recoverOnTheSurvivorBringsTheClusterBackWithEveryObject(Lab lab) throws Exception {
    LabNode node = lab.node(survivor);
    Map<String, String> original = RecoverLab.stableHashes(node);

    Swarmsnap.Run run = RestoreLab.swarmsnap(node, runDir, Map.of(), "recover", "--yes", "--json");

    assertThat(run.code()).as(run.err() + run.out()).isZero();
    assertThat(run.json().path("leader").asBoolean()).isTrue();
    assertThat(run.json().path("objectsMatch").asBoolean()).as(run.out()).isTrue();
    assertThat(run.json().path("otherManagers")).hasSize(2);
    assertThat(run.json().path("nextSteps").toString()).contains("join-token manager").contains("docker node demote");
    assertThat(RestoreLab.inspect(lab, node, "self", "{{.ManagerStatus.Leader}} {{.Status.State}}")).isEqualTo("true ready");
    assertThat(RecoverLab.objectIds(lab, node)).isEqualTo(idsBefore);
    Path aside = Path.of(run.json().path("movedAsideTo").asText());
    assertThat(aside.getFileName().toString()).startsWith("swarm.before-recover-");
    Map<String, String> kept = new HashMap<>(RestoreLab.treeHashes(aside.resolve("certificates")));
    kept.put("docker-state.json", RecoverLab.hash(aside.resolve("docker-state.json")));
    assertThat(kept).isEqualTo(original);
    assertThat(RestoreLab.siblings(node.swarmDir().resolveSibling(".swarmsnap-recover-"), "")).isEmpty();
    assertThat(Files.exists(node.swarmDir().resolve("raft"))).isTrue();
    assertThat(run.err()).doesNotContain("Exception");
    List<String> managers = RecoverLab.managers(lab).stream().map(LabNode::name).toList();
    assertThat(managers).contains(survivor);
  }
}
