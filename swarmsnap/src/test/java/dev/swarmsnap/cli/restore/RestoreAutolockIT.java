package dev.swarmsnap.cli.restore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.lab.CommandResult;
import dev.swarmsnap.lab.Lab;
import dev.swarmsnap.lab.LabNode;
import dev.swarmsnap.lab.LabSwarm;
import dev.swarmsnap.testing.Await;
import dev.swarmsnap.testing.Swarmsnap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An autolocked 3-manager swarm restored from one follower alone: the wrong key is refused before
 * anything changes; the right one works through the offline key rewrite, and the new unlock key lands
 * in the file (0600) and nowhere in the output. Then the same backup on a new host with another IP:
 * key rewrite and raft address move together, and a manager joins through the new address.
 */
@LabSwarm(managers = 3, workers = 0, autolock = true)
@Timeout(900)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestoreAutolockIT {
  @TempDir static Path runDir;
  @TempDir static Path backups;
  static Path archive;
  static String backedUp;
  static String rotatedKey;

  @Test
  @Order(1)
  void aWrongUnlockKeyIsRefusedBeforeAnythingIsTouched(Lab lab) throws Exception {
    String leader = lab.leader();
    LabNode follower = RestoreIT.managers(lab).stream().filter(n -> !n.name().equals(leader)).findFirst().orElseThrow();
    backedUp = follower.name();
    Swarmsnap.Run backup = RestoreLab.swarmsnap(follower, runDir, Map.of(), "backup", "--output", backups.toString(), "--json");
    assertThat(backup.code()).as(backup.err()).isZero();
    archive = Path.of(backup.json().path("archive").asText());
    Map<String, String> before = RestoreLab.treeHashes(follower.swarmDir().resolve("certificates"));
    String wrong = "SWMKEY-1-" + Base64.getEncoder().withoutPadding().encodeToString(new byte[32]);

    Swarmsnap.Run run = RestoreLab.swarmsnap(follower, runDir, Map.of("WRONG_KEY", wrong), "restore", archive.toString(),
        "--unlock-key-env", "WRONG_KEY", "--new-unlock-key-file", backups.resolve("never.key").toString(), "--yes");

    assertThat(run.code()).isNotZero().isNotEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).contains("does not open").doesNotContain(wrong).doesNotContain("stopping the engine");
    assertThat(RestoreLab.treeHashes(follower.swarmDir().resolve("certificates"))).isEqualTo(before);
    assertThat(lab.running(follower.name())).isTrue();
    assertThat(backups.resolve("never.key")).doesNotExist();
  }

  @Test
  @Order(2)
  void afterARotationTheCurrentKeyIsRefusedWithAHintAboutTheBackupTimeKey(Lab lab) throws Exception {
    CommandResult rotate = lab.docker(lab.leader(), Duration.ofSeconds(30), "swarm", "unlock-key", "--rotate", "-q");
    assertThat(rotate.ok()).as(rotate.reason()).isTrue();
    rotatedKey = rotate.stdout().trim();
    LabNode node = lab.node(backedUp);
    // Each manager re-encrypts its node key with the new key on its own time: wait for this one.
    assertThat(dev.swarmsnap.testing.Await.until(Duration.ofSeconds(60), () -> Swarmsnap.run(
            Map.of("ROTATED", rotatedKey), "key", "check", node.swarmDir().toString(), "--unlock-key-env", "ROTATED")
        .code() == 0)).as("the node key was re-encrypted with the rotated key").isTrue();
    Map<String, String> before = RestoreLab.treeHashes(node.swarmDir().resolve("certificates"));

    Swarmsnap.Run run = RestoreLab.swarmsnap(node, runDir, Map.of("ROTATED", rotatedKey), "restore", archive.toString(),
        "--unlock-key-env", "ROTATED", "--new-unlock-key-file", backups.resolve("never.key").toString(), "--yes");

    assertThat(run.code()).isNotZero().isNotEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).contains("does not open").contains("the backup was taken under the key with fingerprint")
        .contains("unlock-key --rotate").doesNotContain(rotatedKey).doesNotContain("stopping the engine");
    assertThat(RestoreLab.treeHashes(node.swarmDir().resolve("certificates"))).isEqualTo(before);
    assertThat(lab.running(node.name())).isTrue();
  }

  @Test
  @Order(3)
  void withoutAPlaceForTheNewKeyItIsRefused(Lab lab) {
    Swarmsnap.Run run = RestoreLab.swarmsnap(lab.node(backedUp), runDir, Map.of(), "restore", archive.toString(),
        "--unlock-key-file", lab.unlockKeyFile().toString(), "--yes");

    assertThat(run.code()).isNotZero();
    assertThat(run.err()).contains("--new-unlock-key-file").doesNotContain("stopping the engine");
  }

  @Test
  @Order(4)
  void restoredAloneWithTheBackupTimeKeyItLeadsAndTheNewKeyLandsInTheFile(Lab lab) throws Exception {
    String oldKey = lab.unlockKey().orElseThrow();
    Path keyFile = lab.unlockKeyFile();
    for (LabNode manager : RestoreIT.managers(lab)) {
      lab.stop(manager.name());
      lab.wipe(manager.name());
    }
    LabNode target = lab.node(backedUp);
    Path newKey = backups.resolve("new.key");

    Swarmsnap.Run run = RestoreLab.swarmsnap(target, runDir, Map.of(), "restore", archive.toString(),
        "--unlock-key-file", keyFile.toString(), "--new-unlock-key-file", newKey.toString(), "--yes", "--json");

    assertThat(run.code()).as(run.err()).isZero();
    String key = Files.readString(newKey).trim();
    assertThat(key).startsWith("SWMKEY-1-").isNotEqualTo(oldKey).isNotEqualTo(rotatedKey);
    UnlockKey.parse(key);
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(newKey))).isEqualTo("rw-------");
    assertThat(run.out()).doesNotContain(key);
    assertThat(run.err()).doesNotContain(key);
    assertThat(RestoreLab.inspect(lab, target, "self", "{{.ManagerStatus.Leader}} {{.Status.State}}")).isEqualTo("true ready");
    CommandResult autolock = lab.docker(target.name(), Duration.ofSeconds(10), "info", "--format",
        "{{.Swarm.Cluster.Spec.EncryptionConfig.AutoLockManagers}}");
    assertThat(autolock.stdout().trim()).isEqualTo("true");
    assertThat(List.of(run.json().path("removedManagers").size())).containsExactly(2);
    Path scratch = Files.createDirectories(backups.resolve("ids"));
    assertThat(RestoreLab.liveIds(lab, target, "secret", "ls", "--format", "{{.ID}}"))
        .containsAll(RestoreLab.archivedIds(archive, scratch, "secrets")).isNotEmpty();
    assertThat(RestoreLab.liveIds(lab, target, "config", "ls", "--format", "{{.ID}}"))
        .containsAll(RestoreLab.archivedIds(archive, scratch, "configs")).isNotEmpty();
    assertThat(RestoreLab.liveIds(lab, target, "network", "ls", "--no-trunc", "--filter", "scope=swarm", "--format", "{{.ID}}"))
        .containsAll(RestoreLab.archivedIds(archive, scratch, "networks")).isNotEmpty();
    List<String> names = List.copyOf(RestoreLab.liveIds(lab, target, "service", "ls", "--format", "{{.Name}}"));
    String[] inspect = java.util.stream.Stream.concat(
        java.util.stream.Stream.of("service", "inspect", "--format", "{{.ID}}"), names.stream()).toArray(String[]::new);
    assertThat(RestoreLab.liveIds(lab, target, inspect))
        .containsAll(RestoreLab.archivedIds(archive, scratch, "services")).isNotEmpty();
  }

  @Test
  @Order(5)
  void twoFreshManagersJoinTheRestoredAutolockedSwarmAndThreeManagersAreReachable(Lab lab) {
    LabNode restored = lab.node(backedUp);
    List<LabNode> fresh = RestoreIT.managers(lab).stream().filter(n -> !n.name().equals(backedUp)).toList();
    RestoreLab.joinAsManagers(lab, restored, fresh, restored.address() + ":2377");

    assertThat(Await.until(Duration.ofSeconds(90), () -> RestoreLab.threeReachableManagers(lab, restored)))
        .as("3 reachable managers: " + RestoreLab.managerStatuses(lab, restored)).isTrue();
  }

  @Test
  @Order(6)
  void onANewHostWithAnotherIpTheAutolockedBackupLeadsThereAndAdvertisesTheNewAddress(Lab lab) throws Exception {
    LabNode fresh = lab.addNode(LabNode.Role.WORKER);
    CommandResult leave = lab.docker(fresh.name(), Duration.ofSeconds(60), "swarm", "leave", "--force");
    assertThat(leave.ok()).as(leave.reason()).isTrue();
    LabNode previous = lab.node(backedUp);
    for (LabNode manager : RestoreIT.managers(lab)) {
      lab.stop(manager.name());
      lab.wipe(manager.name());
    }
    Path newKey = backups.resolve("new-on-new-ip.key");

    Swarmsnap.Run run = RestoreLab.swarmsnap(fresh, runDir, Map.of(), "restore", archive.toString(),
        "--advertise-addr", fresh.address(), "--unlock-key-file", lab.unlockKeyFile().toString(),
        "--new-unlock-key-file", newKey.toString(), "--yes", "--json");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.json().path("stepsDone").toString()).contains("raft address moved from " + previous.address());
    assertThat(RestoreLab.inspect(lab, fresh, "self", "{{.ManagerStatus.Leader}} {{.Status.State}} {{.ManagerStatus.Addr}}"))
        .isEqualTo("true ready " + fresh.address() + ":2377");
    CommandResult autolock = lab.docker(fresh.name(), Duration.ofSeconds(10), "info", "--format",
        "{{.Swarm.Cluster.Spec.EncryptionConfig.AutoLockManagers}}");
    assertThat(autolock.stdout().trim()).isEqualTo("true");
    String key = Files.readString(newKey).trim();
    assertThat(run.out()).doesNotContain(key);
    assertThat(run.err()).doesNotContain(key);
    LabNode joiner = RestoreIT.managers(lab).stream().filter(n -> !n.name().equals(backedUp)).findFirst().orElseThrow();
    RestoreLab.joinAsManagers(lab, fresh, List.of(joiner), fresh.address() + ":2377");
  }
}
