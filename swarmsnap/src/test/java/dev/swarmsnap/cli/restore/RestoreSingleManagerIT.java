package dev.swarmsnap.cli.restore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.lab.CommandResult;
import dev.swarmsnap.lab.Lab;
import dev.swarmsnap.lab.LabNode;
import dev.swarmsnap.lab.LabSwarm;
import dev.swarmsnap.testing.Swarmsnap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An autolocked swarm of one manager: backed up, then restored after a total loss. A one-member raft
 * leads as soon as its engine starts and re-locks its node key with the cluster's unlock key, which
 * once made any later {@code swarm init --force-new-cluster} fail ("Swarm is encrypted and needs to
 * be unlocked"); the restore now needs no such call. With the engine stopped, the engine binary is
 * asked for its version before anything starts: an older one is refused with the engine left
 * stopped, a newer major one is warned about exactly as when the engine runs.
 */
@LabSwarm(managers = 1, workers = 0, autolock = true)
@Timeout(600)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestoreSingleManagerIT {
  @TempDir static Path runDir;
  @TempDir static Path backups;
  static Path archive;

  @Test
  @Order(1)
  void theOnlyManagerIsBackedUp(Lab lab) {
    LabNode node = lab.nodes().get(0);
    Swarmsnap.Run backup = RestoreLab.swarmsnap(node, runDir, Map.of(), "backup", "--accept-outage",
        "--unlock-key-file", lab.unlockKeyFile().toString(), "--output", backups.toString(), "--json");

    assertThat(backup.code()).as(backup.err()).isZero();
    archive = Path.of(backup.json().path("archive").asText());
  }

  @Test
  @Order(2)
  void withTheEngineStoppedAnArchiveOfANewerEngineIsRefusedAndTheEngineStaysStopped(Lab lab, @TempDir Path scratch)
      throws Exception {
    LabNode node = lab.nodes().get(0);
    lab.stop(node.name());
    Path newer = RestoreLab.withEngineVersion(archive, "99.0.1", scratch);
    Map<String, String> before = RestoreLab.treeHashes(node.swarmDir());

    Swarmsnap.Run run = RestoreLab.swarmsnap(node, runDir, Map.of(), "restore", newer.toString(), "--yes",
        "--unlock-key-file", lab.unlockKeyFile().toString(), "--new-unlock-key-file", backups.resolve("never.key").toString());

    assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.UNSAFE.code());
    assertThat(run.err()).contains("older than").contains("99.0.1").contains("--version")
        .doesNotContain("starting the engine").doesNotContain("Exception");
    assertThat(lab.running(node.name())).as("the engine was stopped and stays stopped").isFalse();
    assertThat(RestoreLab.treeHashes(node.swarmDir())).isEqualTo(before);
    assertThat(RestoreLab.siblings(node.swarmDir(), ".")).isEmpty();
    assertThat(backups.resolve("never.key")).doesNotExist();
  }

  @Test
  @Order(3)
  void anArchiveOfAnOlderMajorIsWarnedAboutTheSameWayWithTheEngineStoppedOrRunning(Lab lab, @TempDir Path scratch)
      throws Exception {
    LabNode node = lab.nodes().get(0);
    Path older = RestoreLab.withEngineVersion(archive, "19.03.15", scratch);
    String[] args = {"restore", older.toString(), "--dry-run", "--unlock-key-file", lab.unlockKeyFile().toString(),
        "--new-unlock-key-file", backups.resolve("never.key").toString(), "--json"};

    Swarmsnap.Run stopped = RestoreLab.swarmsnap(node, runDir, Map.of(), args);
    lab.start(node.name());
    lab.unlock(node.name());
    Swarmsnap.Run running = RestoreLab.swarmsnap(node, runDir, Map.of(), args);

    assertThat(stopped.code()).as(stopped.err()).isZero();
    assertThat(running.code()).as(running.err()).isZero();
    assertThat(stopped.json().path("plan").path("warnings").toString()).contains("newer major").contains("19.03.15");
    assertThat(stopped.json().path("plan").path("warnings")).isEqualTo(running.json().path("plan").path("warnings"));
  }

  @Test
  @Order(4)
  void afterATotalLossTheAutolockedBackupLeadsAgainWithANewKey(Lab lab, @TempDir Path scratch) throws Exception {
    LabNode node = lab.nodes().get(0);
    String oldKey = lab.unlockKey().orElseThrow();
    lab.stop(node.name());
    lab.wipe(node.name());
    lab.start(node.name());
    Path newKey = backups.resolve("new.key");

    Swarmsnap.Run run = RestoreLab.swarmsnap(node, runDir, Map.of(), "restore", archive.toString(), "--yes", "--json",
        "--unlock-key-file", lab.unlockKeyFile().toString(), "--new-unlock-key-file", newKey.toString());

    assertThat(run.code()).as(run.err()).isZero();
    String key = Files.readString(newKey).trim();
    UnlockKey.parse(key.toCharArray());
    assertThat(key).isNotEqualTo(oldKey);
    assertThat(run.out() + run.err()).doesNotContain(key).doesNotContain(oldKey);
    assertThat(RestoreLab.inspect(lab, node, "self", "{{.ManagerStatus.Leader}} {{.Status.State}}")).isEqualTo("true ready");
    CommandResult autolock = lab.docker(node.name(), Duration.ofSeconds(10), "info", "--format",
        "{{.Swarm.Cluster.Spec.EncryptionConfig.AutoLockManagers}}");
    assertThat(autolock.stdout().trim()).isEqualTo("true");
    List<String> names = List.copyOf(RestoreLab.liveIds(lab, node, "service", "ls", "--format", "{{.Name}}"));
    String[] inspect = Stream.concat(Stream.of("service", "inspect", "--format", "{{.ID}}"), names.stream())
        .toArray(String[]::new);
    assertThat(RestoreLab.liveIds(lab, node, inspect))
        .containsAll(RestoreLab.archivedIds(archive, scratch, "services")).isNotEmpty();
    assertThat(RestoreLab.liveIds(lab, node, "secret", "ls", "--format", "{{.ID}}"))
        .containsAll(RestoreLab.archivedIds(archive, scratch, "secrets")).isNotEmpty();

    // the restored node locks at its next start, and only the new key opens it
    lab.stop(node.name());
    lab.start(node.name());
    CommandResult withOld = lab.dockerWithStdin(node.name(), Duration.ofSeconds(30), oldKey, "swarm", "unlock");
    assertThat(withOld.ok()).isFalse();
    CommandResult withNew = lab.dockerWithStdin(node.name(), Duration.ofSeconds(30), key, "swarm", "unlock");
    assertThat(withNew.ok()).as(withNew.reason()).isTrue();
  }
}
