package dev.swarmsnap.cli.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.cli.TestPause;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.lab.Lab;
import dev.swarmsnap.lab.LabNode;
import dev.swarmsnap.lab.LabSwarm;
import dev.swarmsnap.testing.Await;
import dev.swarmsnap.testing.Swarmsnap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code swarmsnap backup --hot} on a real 3-manager swarm: the engine keeps running on the leader
 * and on a follower, and what the engine writes during the copy (a raft snapshot, a new unlock key)
 * is caught at the pause points between the copy steps, never archived. One lab for all tests.
 */
@LabSwarm(managers = 3, workers = 0)
@Timeout(600)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HotBackupIT {
  private static final Duration QUICK = Duration.ofSeconds(30);

  @TempDir static Path runDir;

  @Test
  @Order(1)
  void theLeaderIsBackedUpHotWithoutStoppingItOrAnElection(Lab lab, @TempDir Path out) throws Exception {
    LabNode leader = lab.node(lab.leader());
    String pid = enginePid(leader);

    Swarmsnap.Run run = backup(leader, "--hot", "--output", out.toString(), "--json");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(enginePid(leader)).as("the engine was not restarted").isEqualTo(pid);
    assertThat(lab.leader()).as("no election").isEqualTo(leader.name());
    assertThat(run.json().path("mode").asText()).isEqualTo("hot");
    assertThat(run.json().path("downtimeMillis").asLong()).isZero();
    assertVerifies(leader, Path.of(run.json().path("archive").asText()));
    Swarmsnap.Run status = Swarmsnap.on(leader, "status", "--json");
    assertThat(status.json().path("hotBackup").path("safe").asBoolean()).as(status.out()).isTrue();
    assertThat(Swarmsnap.on(leader, "status").out()).contains("hot backup: safe anywhere");
  }

  @Test
  @Order(2)
  void aFollowerIsBackedUpHotAndTheArchiveSaysSo(Lab lab, @TempDir Path out) throws Exception {
    LabNode follower = BackupIT.follower(lab, 0);
    String pid = enginePid(follower);

    Swarmsnap.Run run = backup(follower, "--hot", "--output", out.toString(), "--json");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(enginePid(follower)).isEqualTo(pid);
    Path archive = Path.of(run.json().path("archive").asText());
    assertVerifies(follower, archive);
    Swarmsnap.Run inspect = Swarmsnap.on(follower, "inspect", archive.toString(), "--json");
    assertThat(inspect.code()).as(inspect.err()).isZero();
    assertThat(inspect.json().path("backupMode").asText()).isEqualTo("hot");
  }

  @Test
  @Order(3)
  void aRaftSnapshotWrittenDuringTheCopyIsDetectedAndTheCopyTakenAgain(Lab lab, @TempDir Path work) throws Exception {
    LabNode follower = BackupIT.follower(lab, 0);
    String leader = lab.leader();
    lab.docker(leader, QUICK, "swarm", "update", "--snapshot-interval", "5").requireOk("snapshot interval 5");
    try {
      Paused paused = Paused.spawn(follower, work, "hot-snapshot-copied");
      List<String> snapshots = names(follower.swarmDir().resolve("raft/snap-v3-encrypted"));
      for (int i = 0; i < 8; i++) {
        lab.dockerWithStdin(leader, QUICK, "x", "config", "create", "hot_snap_" + i, "-").requireOk("config create");
      }
      assertThat(Await.until(QUICK, () -> !names(follower.swarmDir().resolve("raft/snap-v3-encrypted")).equals(snapshots)))
          .as("the follower wrote a new raft snapshot").isTrue();

      String log = paused.resumeAndWait();

      assertThat(paused.exitCode()).as(log).isZero();
      assertThat(log).contains("a raft snapshot was written during the copy; copying again (try 2 of 5)");
      assertVerifies(follower, only(work.resolve("out")));
    } finally {
      lab.docker(leader, QUICK, "swarm", "update", "--snapshot-interval", "10000").requireOk("snapshot interval back");
    }
  }

  @Test
  @Order(4)
  void anUnlockKeyRotatedDuringTheCopyIsRefusedAndNothingIsWritten(Lab lab, @TempDir Path work) throws Exception {
    LabNode follower = BackupIT.follower(lab, 1);
    String leader = lab.leader();
    Path nodeKey = follower.swarmDir().resolve("certificates/swarm-node.key");
    lab.docker(leader, QUICK, "swarm", "update", "--autolock=true").requireOk("autolock on");
    try {
      assertThat(Await.until(QUICK, () -> read(nodeKey).contains("ENCRYPTED PRIVATE KEY"))).isTrue();
      String kekBefore = kekVersion(read(nodeKey));
      Paused paused = Paused.spawn(follower, work, "hot-wal-copied");

      lab.docker(leader, QUICK, "swarm", "unlock-key", "--rotate").requireOk("rotate the unlock key");
      assertThat(Await.until(QUICK, () -> !kekVersion(read(nodeKey)).equals(kekBefore)))
          .as("the follower re-encrypted its node key").isTrue();
      String log = paused.resumeAndWait();

      assertThat(paused.exitCode()).as(log).isEqualTo(ExitCode.VERIFY_FAILED.code());
      assertThat(log).contains("changed during the copy").contains("run the backup again");
      assertThat(BackupArchives.everything(work.resolve("out"))).isEmpty();
      assertThat(BackupIT.answers(lab, follower)).isTrue();
      Swarmsnap.Run again = backup(follower, "--hot", "--output", work.resolve("out").toString(), "--json");
      assertThat(again.code()).as(again.err()).isZero();
    } finally {
      lab.docker(leader, QUICK, "swarm", "update", "--autolock=false").requireOk("autolock off");
    }
  }

  @Test
  @Order(5)
  void aWalSegmentStartedDuringTheCopyIsDetectedAndTheCopyTakenAgain(Lab lab, @TempDir Path work) throws Exception {
    LabNode follower = BackupIT.follower(lab, 0);
    String leader = lab.leader();
    Path walDir = follower.swarmDir().resolve("raft/wal-v3-encrypted");
    Path nodeKey = follower.swarmDir().resolve("certificates/swarm-node.key");
    // the autolock change before ends with a raft DEK rotation and its snapshot: let it finish first
    assertThat(Await.until(QUICK, () -> !read(nodeKey).contains("raft-dek-pending")
        && !read(nodeKey).contains("raft-dek-needs-rotation"))).isTrue();
    List<String> segments = walSegments(walDir);
    Paused paused = Paused.spawn(follower, work, "hot-snapshot-copied");
    // a segment holds 64 MB: configs of 480 KB (the limit is 500 KB) fill it in about 135 entries
    String data = "s".repeat(480 * 1024);
    for (int i = 0; i < 200 && walSegments(walDir).equals(segments); i++) {
      lab.dockerWithStdin(leader, QUICK, data, "config", "create", "hot_segment_" + i, "-").requireOk("config create");
    }
    assertThat(Await.until(QUICK, () -> !walSegments(walDir).equals(segments)))
        .as("the follower started a new WAL segment").isTrue();

    String log = paused.resumeAndWait();

    assertThat(paused.exitCode()).as(log).isZero();
    assertThat(log).contains("a WAL segment was added during the copy; copying again (try 2 of 5)");
    assertVerifies(follower, only(work.resolve("out")));
  }

  @Test
  @Order(6)
  void aWalSegmentGarbageCollectedDuringTheCopyIsDetectedAndTheCopyTakenAgain(Lab lab, @TempDir Path work)
      throws Exception {
    LabNode follower = BackupIT.follower(lab, 0);
    String leader = lab.leader();
    Path walDir = follower.swarmDir().resolve("raft/wal-v3-encrypted");
    List<String> segments = walSegments(walDir);
    assertThat(segments).as("the previous test left two segments").hasSizeGreaterThan(1);
    Paused paused = Paused.spawn(follower, work, "hot-snapshot-copied");
    try {
      // a snapshot past the second segment's first index lets the GC remove the first segment
      lab.docker(leader, QUICK, "swarm", "update", "--snapshot-interval", "5").requireOk("snapshot interval 5");
      for (int i = 0; i < 6; i++) {
        lab.dockerWithStdin(leader, QUICK, "x", "config", "create", "hot_gc_" + i, "-").requireOk("config create");
      }
      assertThat(Await.until(QUICK, () -> !walSegments(walDir).contains(segments.get(0))))
          .as("the follower removed its oldest segment").isTrue();
    } finally {
      lab.docker(leader, QUICK, "swarm", "update", "--snapshot-interval", "10000").requireOk("snapshot interval back");
    }

    String log = paused.resumeAndWait();

    assertThat(paused.exitCode()).as(log).isZero();
    assertThat(log).contains(segments.get(0) + " was removed during the copy; copying again (try 2 of 5)");
    assertVerifies(follower, only(work.resolve("out")));
  }

  private static List<String> walSegments(Path walDir) {
    return names(walDir).stream().filter(n -> n.endsWith(".wal")).toList();
  }

  /** A hot backup spawned to pause at one moment of its copy until the test lets it go on. */
  private record Paused(Process process, Path log, Path resume) {
    static Paused spawn(LabNode node, Path work, String phase) throws IOException {
      Files.createDirectories(work.resolve("out"));
      Path log = work.resolve("backup.log");
      Path resume = work.resolve("resume");
      Process process = Swarmsnap.spawn(node,
          Map.of(TestPause.VARIABLE, phase, TestPause.RESUME_VARIABLE, resume.toString(),
              "SWARMSNAP_RUN_DIR", runDir.toString()),
          log, "backup", "--hot", "--output", work.resolve("out").toString());
      assertThat(Await.until(Duration.ofMinutes(2), () -> read(log).contains("paused at " + phase)))
          .as(read(log)).isTrue();
      return new Paused(process, log, resume);
    }

    String resumeAndWait() throws Exception {
      Files.createFile(resume);
      assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
      return read(log);
    }

    int exitCode() {
      return process.exitValue();
    }
  }

  private static Swarmsnap.Run backup(LabNode node, String... args) {
    Map<String, String> env = new java.util.HashMap<>(Swarmsnap.envFor(node));
    env.put("SWARMSNAP_RUN_DIR", runDir.toString());
    return Swarmsnap.run(env, Stream.concat(Stream.of("backup"), Stream.of(args)).toArray(String[]::new));
  }

  private static void assertVerifies(LabNode node, Path archive) {
    Swarmsnap.Run verify = Swarmsnap.on(node, "verify", archive.toString(), "--json");
    assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
  }

  private static Path only(Path dir) throws IOException {
    List<Path> archives = BackupArchives.in(dir);
    assertThat(archives).hasSize(1);
    return archives.get(0);
  }

  private static String enginePid(LabNode node) {
    return read(node.pidFile()).strip();
  }

  private static String kekVersion(String pem) {
    return pem.lines().filter(l -> l.startsWith("kek-version:")).findFirst().orElse("kek-version: 0");
  }

  private static List<String> names(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      return "";
    }
  }
}
