package dev.swarmsnap.cli.recover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.cli.restore.RestoreLab;
import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.lab.CommandResult;
import dev.swarmsnap.lab.Lab;
import dev.swarmsnap.lab.LabNode;
import dev.swarmsnap.lab.LabSwarm;
import dev.swarmsnap.testing.Swarmsnap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code swarmsnap recover} on an autolocked 3-manager swarm after two managers were killed: without
 * the unlock key it is refused before anything changes; with it, the node key is unlocked offline,
 * the cluster comes back with every object, autolock is on again, and the new key lands in the file
 * (0600), nowhere in the output, and unlocks the node after a restart.
 */
@LabSwarm(managers = 3, workers = 0, autolock = true)
@Timeout(900)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecoverAutolockIT {
  @TempDir static Path runDir;
  static String survivor;
  static Map<String, Set<String>> idsBefore;

  @Test
  @Order(1)
  void withoutTheUnlockKeyItIsRefusedBeforeAnythingChanges(Lab lab) throws Exception {
    String leader = lab.leader();
    LabNode node = RecoverLab.managers(lab).stream().filter(n -> !n.name().equals(leader)).findFirst().orElseThrow();
    survivor = node.name();
    idsBefore = RecoverLab.objectIds(lab, node);
    RecoverLab.managers(lab).stream().filter(n -> !n.name().equals(survivor)).forEach(n -> lab.kill(n.name()));
    Map<String, String> before = RecoverLab.stableHashes(node);

    Swarmsnap.Run run = RestoreLab.swarmsnap(node, runDir, Map.of(), "recover", "--yes", "--settle", "1");

    assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.UNSAFE.code());
    assertThat(run.err()).contains("autolocked").contains("--unlock-key-file").contains("--new-unlock-key-file")
        .doesNotContain("stopping the engine");
    assertThat(RecoverLab.stableHashes(node)).isEqualTo(before);
    assertThat(RecoverLab.leftovers(node)).isEmpty();
  }

  @Test
  @Order(2)
  void withTheKeyTheClusterComesBackAutolockedWithANewKey(Lab lab) throws Exception {
    LabNode node = lab.node(survivor);
    String oldKey = lab.unlockKey().orElseThrow();
    Path newKey = runDir.resolve("new.key");

    Swarmsnap.Run run = RestoreLab.swarmsnap(node, runDir, Map.of(), "recover", "--unlock-key-file",
        lab.unlockKeyFile().toString(), "--new-unlock-key-file", newKey.toString(), "--yes", "--json");

    assertThat(run.code()).as(run.err() + run.out()).isZero();
    assertThat(run.json().path("objectsMatch").asBoolean()).as(run.out()).isTrue();
    assertThat(run.json().path("autolock").asBoolean()).isTrue();
    String key = Files.readString(newKey).trim();
    assertThat(key).startsWith("SWMKEY-1-").isNotEqualTo(oldKey);
    UnlockKey.parse(key);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(newKey))).isEqualTo("rw-------");
    assertThat(run.out()).doesNotContain(key).doesNotContain(oldKey);
    assertThat(run.err()).doesNotContain(key).doesNotContain(oldKey);
    assertThat(RestoreLab.inspect(lab, node, "self", "{{.ManagerStatus.Leader}} {{.Status.State}}")).isEqualTo("true ready");
    assertThat(RecoverLab.objectIds(lab, node)).isEqualTo(idsBefore);
    CommandResult autolock = lab.docker(node.name(), Duration.ofSeconds(10), "info", "--format",
        "{{.Swarm.Cluster.Spec.EncryptionConfig.AutoLockManagers}}");
    assertThat(autolock.stdout().trim()).isEqualTo("true");
  }

  @Test
  @Order(3)
  void afterARestartTheNewKeyUnlocksTheNode(Lab lab) throws Exception {
    LabNode node = lab.node(survivor);
    String key = Files.readString(runDir.resolve("new.key")).trim();
    lab.stop(node.name());
    lab.start(node.name());

    CommandResult unlock = lab.dockerWithStdin(node.name(), Duration.ofSeconds(60), key + "\n", "swarm", "unlock");

    assertThat(unlock.ok()).as(unlock.reason()).isTrue();
    assertThat(dev.swarmsnap.testing.Await.until(Duration.ofSeconds(60), () -> RestoreLab.inspect(lab, node, "self",
        "{{.ManagerStatus.Leader}} {{.Status.State}}").equals("true ready"))).isTrue();
    assertThat(RecoverLab.objectIds(lab, node)).isEqualTo(idsBefore);
  }
}
