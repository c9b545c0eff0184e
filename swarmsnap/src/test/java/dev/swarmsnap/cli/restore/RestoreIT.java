package dev.swarmsnap.cli.restore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.archive.ArchiveReader;
import dev.swarmsnap.archive.ProgressListener;
import dev.swarmsnap.archive.manifest.ManifestCodec;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.lab.CommandResult;
import dev.swarmsnap.lab.Lab;
import dev.swarmsnap.lab.LabNode;
import dev.swarmsnap.lab.LabSwarm;
import dev.swarmsnap.testing.Await;
import dev.swarmsnap.testing.HostCommand;
import dev.swarmsnap.testing.Swarmsnap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code swarmsnap restore} on a real 3-manager + 1-worker swarm with services, secrets, configs and
 * networks: dry run, refusals, rollback (engine not starting; engine started but the restore failing),
 * then the disaster (every manager lost) and two fresh managers joining: 3 reachable managers again.
 */
@LabSwarm(managers = 3, workers = 1)
@Timeout(1200)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestoreIT {
  @TempDir static Path runDir;
  @TempDir static Path backups;
  static Path archive;
  static String backedUp;
  static String otherFollower;

  @Test
  @Order(1)
  void aFollowerIsBackedUp(Lab lab) {
    String leader = lab.leader();
    List<LabNode> followers = managers(lab).stream().filter(n -> !n.name().equals(leader)).toList();
    backedUp = followers.get(0).name();
    otherFollower = followers.get(1).name();
    Swarmsnap.Run run = RestoreLab.swarmsnap(follower(lab, 0), runDir, Map.of(),
        "backup", "--output", backups.toString(), "--json");

    assertThat(run.code()).as(run.err()).isZero();
    archive = Path.of(run.json().path("archive").asText());
    assertThat(new ArchiveReader(new ManifestCodec()).verify(archive, ProgressListener.NONE).intact()).isTrue();
  }

  @Test
  @Order(2)
  void aDryRunChangesNothing(Lab lab) throws Exception {
    LabNode node = follower(lab, 1);
    lab.stop(node.name());
    try {
      Map<String, String> before = RestoreLab.treeHashes(node.swarmDir());
      // What a restore killed during its extraction leaves behind: removed by the next one.
      Process gone = new ProcessBuilder("true").start();
      gone.waitFor();
      Path stale = Files.createDirectories(node.swarmDir().resolveSibling(".swarmsnap-restore-20200101T000000Z/archive/swarm"))
          .getParent().getParent();
      Files.writeString(stale.resolve("owner"), "pid " + gone.pid() + "\nstarted 2020-01-01T00:00:00Z\n");

      Swarmsnap.Run capped = RestoreLab.swarmsnap(node, runDir, Map.of(), "restore", archive.toString(), "--dry-run",
          "--max-state-size", "1K");
      assertThat(capped.code()).as(capped.err()).isEqualTo(ExitCode.UNSAFE.code());
      assertThat(capped.err()).contains("over the cap of 1 KiB").contains("--max-state-size")
          .contains("removed " + stale + ", left by an earlier restore");
      assertThat(stale).doesNotExist();

      Swarmsnap.Run run = RestoreLab.swarmsnap(node, runDir, Map.of(), "restore", archive.toString(), "--dry-run", "--json");

      assertThat(run.code()).as(run.err()).isZero();
      assertThat(run.json().path("dryRun").asBoolean()).isTrue();
      assertThat(run.json().path("plan").path("steps").toString()).contains("force-new-cluster");
      assertThat(RestoreLab.treeHashes(node.swarmDir())).isEqualTo(before);
      assertThat(RestoreLab.siblings(node.swarmDir(), ".")).isEmpty();
      assertThat(RestoreLab.siblings(node.swarmDir().resolveSibling(".swarmsnap-restore-"), "")).isEmpty();
      assertThat(lab.running(node.name())).isFalse();
    } finally {
      lab.start(node.name());
    }
  }

  @Test
  @Order(3)
  void withoutYesAndWithoutATerminalItIsRefused(Lab lab) throws Exception {
    LabNode node = follower(lab, 1);
    Map<String, String> before = RestoreLab.treeHashes(node.swarmDir().resolve("certificates"));

    Swarmsnap.Run run = RestoreLab.swarmsnap(node, runDir, Map.of(), "restore", archive.toString());

    assertThat(run.code()).isEqualTo(ExitCode.UNSAFE.code());
    assertThat(run.err()).contains("--yes");
    assertThat(RestoreLab.treeHashes(node.swarmDir().resolve("certificates"))).isEqualTo(before);
  }

  @Test
  @Order(3)
  void anAgeEncryptedArchiveRestoresOnlyWithItsIdentityAndATamperedOneChangesNothing(
      Lab lab, @TempDir Path scratch) throws Exception {
    LabNode node = follower(lab, 1);
    Path identity = scratch.resolve("id.agekey");
    assertThat(HostCommand.run("age-keygen", "-o", identity.toString()).ok()).isTrue();
    String recipient = HostCommand.run("age-keygen", "-y", identity.toString()).output().strip();
    Path encrypted = scratch.resolve("backup.swarmsnap.age");
    assertThat(HostCommand.run("age", "-r", recipient, "-o", encrypted.toString(), archive.toString()).ok()).isTrue();
    byte[] bytes = Files.readAllBytes(encrypted);
    bytes[bytes.length - 50] ^= 0x01;
    Path tampered = scratch.resolve("tampered.swarmsnap.age");
    Files.write(tampered, bytes);
    lab.stop(node.name());
    try {
      Map<String, String> before = RestoreLab.treeHashes(node.swarmDir());

      Swarmsnap.Run noIdentity = RestoreLab.swarmsnap(node, runDir, Map.of(), "restore", encrypted.toString(), "--dry-run");
      Swarmsnap.Run dryRun = RestoreLab.swarmsnap(node, runDir, Map.of(), "restore", encrypted.toString(),
          "--identity", identity.toString(), "--dry-run", "--json");
      Swarmsnap.Run bad = RestoreLab.swarmsnap(node, runDir, Map.of(), "restore", tampered.toString(),
          "--identity", identity.toString(), "--yes");

      assertThat(noIdentity.code()).isEqualTo(ExitCode.USAGE.code());
      assertThat(noIdentity.err()).contains("encrypted (age)").contains("--identity");
      assertThat(dryRun.code()).as(dryRun.err()).isZero();
      assertThat(dryRun.json().path("plan").path("steps").toString()).contains("force-new-cluster");
      assertThat(bad.code()).isEqualTo(ExitCode.VERIFY_FAILED.code());
      assertThat(bad.err()).contains("fails age authentication").doesNotContain("Exception");
      assertThat(RestoreLab.treeHashes(node.swarmDir())).isEqualTo(before);
      assertThat(RestoreLab.siblings(node.swarmDir(), ".")).isEmpty();
      assertThat(RestoreLab.siblings(node.swarmDir().resolveSibling(".swarmsnap-restore-"), "")).isEmpty();
    } finally {
      lab.start(node.name());
    }
  }

  @Test
  @Order(3)
  void aCorruptArchiveIsRefusedAndTheNodeIsByteIdentical(Lab lab, @TempDir Path scratch) throws Exception {
    LabNode node = follower(lab, 1);
    Path corrupt = scratch.resolve("corrupt.swarmsnap");
    byte[] bytes = Files.readAllBytes(archive);
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(corrupt, bytes);
    lab.stop(node.name());
    try {
      Map<String, String> before = RestoreLab.treeHashes(node.swarmDir());

      Swarmsnap.Run run = RestoreLab.swarmsnap(node, runDir, Map.of(), "restore", corrupt.toString(), "--yes");

      assertThat(run.code()).isNotZero();
      assertThat(run.err()).doesNotContain("swarm init").doesNotContain("Exception");
      assertThat(RestoreLab.treeHashes(node.swarmDir())).isEqualTo(before);
      assertThat(RestoreLab.siblings(node.swarmDir(), ".")).isEmpty();
      assertThat(lab.running(node.name())).isFalse();
    } finally {
      lab.start(node.name());
    }
  }

  @Test
  @Order(4)
  void aFailedStartRollsBackAndKeepsTheOldDirectory(Lab lab) throws Exception {
    LabNode node = follower(lab, 1);
    Map<String, String> before = RestoreLab.treeHashes(node.swarmDir().resolve("certificates"));
    try {
      Swarmsnap.Run run = RestoreLab.swarmsnap(node, runDir,
          Map.of("SWARMSNAP_START_CMD", "echo 'dockerd: simulated failure' >&2; exit 1"),
          "restore", archive.toString(), "--yes");

      assertThat(run.code()).as(run.err()).isNotZero();
      assertThat(run.err()).contains("rolled back").contains("previous swarm directory is back")
          .contains("simulated failure");
      assertThat(RestoreLab.treeHashes(node.swarmDir().resolve("certificates"))).isEqualTo(before);
      assertThat(RestoreLab.siblings(node.swarmDir(), ".before-restore-")).isEmpty();
      assertThat(RestoreLab.siblings(node.swarmDir(), ".failed-restore-")).hasSize(1);
    } finally {
      lab.start(node.name());
    }
    assertThat(Await.until(Duration.ofSeconds(90), () -> RestoreLab.inspect(lab, lab.node(lab.leader()),
        node.hostname(), "{{.ManagerStatus.Reachability}} {{.Status.State}}").equals("reachable ready"))).isTrue();
  }

  @Test
  @Order(5)
  void aFailureAfterTheEngineStartedRollsBackToTheSameBytesAndLeavesTheEngineRunning(Lab lab) throws Exception {
    LabNode node = follower(lab, 1);
    lab.stop(node.name());
    Map<String, String> before = RestoreLab.treeHashes(node.swarmDir());
    // Something else holds the swarm port: the engine starts, but its manager cannot listen, so
    // the node never leads after the start (a real engine failure, no mock).
    Process squatter = RestoreLab.listenInNetns(node, 2377);
    try {
      Swarmsnap.Run run = RestoreLab.swarmsnap(node, runDir, Map.of(), "restore", archive.toString(), "--yes");

      assertThat(run.code()).as(run.out()).isNotZero();
      assertThat(run.err()).contains("restore failed and was rolled back")
          .contains("previous swarm directory is back").contains("the engine was started again and answers")
          .doesNotContain("Exception");
      assertThat(lab.running(node.name())).as(run.err()).isTrue();
      assertThat(lab.docker(node.name(), Duration.ofSeconds(10), "version", "--format", "{{.Server.Version}}").ok())
          .as("the engine answers").isTrue();
      // All of it but the agent's task cache: the engine, started again on the old state by the
      // rollback, commits to worker/tasks.db (BoltDB) on its own before we can look.
      Map<String, String> after = RestoreLab.treeHashes(node.swarmDir());
      assertThat(after.keySet()).isEqualTo(before.keySet());
      after.remove("worker/tasks.db");
      before.remove("worker/tasks.db");
      assertThat(after).as("swarm directory: raft, certificates, docker-state.json, state.json").isEqualTo(before);
      assertThat(RestoreLab.siblings(node.swarmDir(), ".before-restore-")).isEmpty();
    } finally {
      squatter.destroy();
      squatter.waitFor();
    }
    // with the port free again the old state runs as before: restart the engine to let it take the port now
    lab.stop(node.name());
    Await.until(Duration.ofSeconds(15), () -> !Files.exists(node.pidFile())); // dockerd removes it on exit
    lab.start(node.name());
    assertThat(Await.until(Duration.ofSeconds(90), () -> RestoreLab.inspect(lab, lab.node(lab.leader()),
        node.hostname(), "{{.ManagerStatus.Reachability}} {{.Status.State}}").equals("reachable ready"))).isTrue();
  }

  @Test
  @Order(6)
  void afterLosingEveryManagerTheBackupComesBackOnAWipedNode(Lab lab, @TempDir Path scratch) throws Exception {
    LabNode target = follower(lab, 0);
    LabNode worker = lab.nodes().stream().filter(n -> !n.isManager()).findFirst().orElseThrow();
    for (LabNode manager : managers(lab)) {
      lab.stop(manager.name());
      lab.wipe(manager.name());
    }

    Swarmsnap.Run run = RestoreLab.swarmsnap(target, runDir, Map.of(), "restore", archive.toString(), "--yes", "--json");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.json().path("leader").asBoolean()).isTrue();
    assertThat(RestoreLab.inspect(lab, target, "self", "{{.ManagerStatus.Leader}} {{.Status.State}}"))
        .isEqualTo("true ready");
    List<String> names = List.copyOf(RestoreLab.liveIds(lab, target, "service", "ls", "--format", "{{.Name}}"));
    String[] inspect = java.util.stream.Stream.concat(
        java.util.stream.Stream.of("service", "inspect", "--format", "{{.ID}}"), names.stream()).toArray(String[]::new);
    assertThat(RestoreLab.liveIds(lab, target, inspect))
        .containsAll(RestoreLab.archivedIds(archive, scratch, "services")).isNotEmpty();
    assertThat(RestoreLab.liveIds(lab, target, "secret", "ls", "--format", "{{.ID}}"))
        .containsAll(RestoreLab.archivedIds(archive, scratch, "secrets")).isNotEmpty();
    assertThat(RestoreLab.liveIds(lab, target, "config", "ls", "--format", "{{.ID}}"))
        .containsAll(RestoreLab.archivedIds(archive, scratch, "configs")).isNotEmpty();
    assertThat(RestoreLab.liveIds(lab, target, "network", "ls", "--no-trunc", "--filter", "scope=swarm", "--format", "{{.ID}}"))
        .containsAll(RestoreLab.archivedIds(archive, scratch, "networks")).isNotEmpty();
    assertThat(run.json().path("removedManagers")).hasSize(2);
    // The node led on its first start: no second start of the swarm component, no refused campaign
    // waiting for membership changes to be applied (Docker 26 and 28 waited a whole election timeout).
    String engineLog = Files.readString(target.dir().resolve("dockerd.log"));
    String sinceRestore = engineLog.substring(Math.max(0, engineLog.lastIndexOf("Starting up")));
    assertThat(sinceRestore).doesNotContain("pending configuration changes").doesNotContain("force-new-cluster");
    assertThat(run.json().path("stepsDone").toString()).contains("one-manager cluster");
    assertThat(Await.until(Duration.ofSeconds(120),
        () -> RestoreLab.inspect(lab, target, worker.hostname(), "{{.Status.State}}").equals("ready")))
        .as("the worker is Ready again").isTrue();
  }

  @Test
  @Order(7)
  void twoFreshManagersJoinAndTheClusterReportsThreeReachableManagers(Lab lab) {
    LabNode restored = follower(lab, 0);
    List<LabNode> fresh = managers(lab).stream().filter(n -> !n.name().equals(restored.name())).toList();
    RestoreLab.joinAsManagers(lab, restored, fresh, restored.address() + ":2377");

    assertThat(Await.until(Duration.ofSeconds(90), () -> RestoreLab.threeReachableManagers(lab, restored)))
        .as("3 reachable managers: " + RestoreLab.managerStatuses(lab, restored)).isTrue();
  }

  /** The followers as they were at the start, before leadership changes. */
  static LabNode follower(Lab lab, int index) {
    return lab.node(index == 0 ? backedUp : otherFollower);
  }

  static List<LabNode> managers(Lab lab) {
    return lab.nodes().stream().filter(LabNode::isManager).sorted(Comparator.comparing(LabNode::name)).toList();
  }
}
