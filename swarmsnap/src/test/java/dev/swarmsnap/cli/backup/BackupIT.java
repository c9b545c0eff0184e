package dev.swarmsnap.cli.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.archive.ArchiveReport;
import dev.swarmsnap.archive.manifest.Manifest;
import dev.swarmsnap.archive.manifest.ManifestFile;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.lab.CommandResult;
import dev.swarmsnap.lab.Lab;
import dev.swarmsnap.lab.LabNode;
import dev.swarmsnap.lab.LabSwarm;
import dev.swarmsnap.testing.Await;
import dev.swarmsnap.testing.HostCommand;
import dev.swarmsnap.testing.Swarmsnap;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code swarmsnap backup} on a real 3-manager + 1-worker swarm, including the ways it can go wrong. */
@LabSwarm(managers = 3, workers = 1)
@Timeout(900)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackupIT {
  private static final Duration QUICK = Duration.ofSeconds(30);

  @TempDir static Path runDir;

  @Test
  @Order(1)
  void aFollowerBackupKeepsTheClusterWritableAndCapturesEveryFile(Lab lab, @TempDir Path out) throws Exception {
    LabNode follower = follower(lab, 0);
    LabNode leader = lab.node(lab.leader());

    CompletableFuture<Swarmsnap.Run> backup =
        CompletableFuture.supplyAsync(() -> backup(follower, "--output", out.toString(), "--json"));
    assertThat(Await.until(Duration.ofSeconds(60), () -> !answers(lab, follower)))
        .as("the follower's engine went down").isTrue();
    CommandResult write = lab.dockerWithStdin(leader.name(), QUICK, "made while a manager was down",
        "config", "create", "during_backup", "-");
    Swarmsnap.Run run = backup.get(5, TimeUnit.MINUTES);

    assertThat(write.ok()).as("config create on the leader during the backup: " + write.reason()).isTrue();
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(isReachableManager(lab, leader, follower)).isTrue();
    Path archive = Path.of(run.json().path("archive").asText());
    assertThat(BackupArchives.in(out)).containsExactly(archive);
    assertThat(Files.getPosixFilePermissions(archive))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(run.json().path("downtimeMillis").asLong()).isPositive();

    ArchiveReport report = BackupArchives.verify(archive);
    assertThat(report.intact()).as(report.problems().toString()).isTrue();
    Swarmsnap.Run verify = Swarmsnap.on(follower, "verify", archive.toString(), "--json");
    assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
    // backup and verify count the networks the engine lists as swarm networks, no predefined ones
    int networks = run.json().path("objects").path("networks").asInt(-1);
    assertThat(networks).isEqualTo((int) lab.docker(leader.name(), QUICK, "network", "ls", "-q", "--filter", "scope=swarm")
        .requireOk("network ls").stdout().strip().lines().count());
    assertThat(reason(verify, "api networks")).startsWith(networks + " in the store, " + networks + " in the API");
    assertThat(reason(verify, "12 summary")).contains(", " + networks + " networks, ");
    lab.stop(follower.name());
    try {
      assertEveryFileIsArchived(report.manifest(), follower.swarmDir());
    } finally {
      lab.start(follower.name());
      assertThat(isReachableManager(lab, leader, follower)).isTrue();
    }
  }

  @Test
  @Order(2)
  void theLeaderIsRefusedAndAFollowerIsNamed(Lab lab, @TempDir Path out) {
    LabNode leader = lab.node(lab.leader());

    Swarmsnap.Run run = backup(leader, "--output", out.toString());

    assertThat(run.code()).isEqualTo(ExitCode.UNSAFE.code());
    assertThat(run.err()).contains("leader").containsAnyOf(follower(lab, 0).hostname(), follower(lab, 1).hostname());
    assertThat(BackupArchives.everything(out)).isEmpty();
    assertThat(answers(lab, leader)).isTrue();
  }

  @Test
  @Order(3)
  void withOneFollowerStoppedTheOtherIsRefusedForQuorum(Lab lab, @TempDir Path out) {
    LabNode stopped = follower(lab, 0);
    LabNode other = follower(lab, 1);
    LabNode leader = lab.node(lab.leader());
    lab.stop(stopped.name());
    try {
      assertThat(Await.until(QUICK, () -> reachability(lab, leader, stopped).startsWith("unreachable"))).isTrue();

      Swarmsnap.Run run = backup(other, "--output", out.toString());

      assertThat(run.code()).isEqualTo(ExitCode.UNSAFE.code());
      assertThat(run.err()).contains("quorum");
      assertThat(BackupArchives.everything(out)).isEmpty();
    } finally {
      lab.start(stopped.name());
    }
    assertThat(isReachableManager(lab, leader, stopped)).isTrue();
  }

  @Test
  @Order(4)
  void aSecondConcurrentBackupIsRefusedByTheLock(Lab lab, @TempDir Path out, @TempDir Path logs) throws Exception {
    Path log = logs.resolve("first.log");
    Process first = Swarmsnap.spawn(follower(lab, 0), Map.of("SWARMSNAP_RUN_DIR", runDir.toString()), log,
        "backup", "--output", out.resolve("first.swarmsnap").toString());
    try {
      assertThat(Await.until(Duration.ofSeconds(60), () -> logContains(log, "recording the engine"))).isTrue();

      Swarmsnap.Run second = backup(follower(lab, 1), "--output", out.resolve("second.swarmsnap").toString());

      assertThat(second.code()).isEqualTo(ExitCode.UNSAFE.code());
      assertThat(second.err()).contains("another swarmsnap is already at work on this host");
    } finally {
      assertThat(first.waitFor(3, TimeUnit.MINUTES)).isTrue();
    }
    assertThat(first.exitValue()).as(Files.readString(log)).isZero();
    assertThat(BackupArchives.in(out)).containsExactly(out.resolve("first.swarmsnap"));
  }

  @Test
  @Order(5)
  void killMinus9DuringTheOutageAndTheWatchdogStartsTheEngine(Lab lab, @TempDir Path out, @TempDir Path logs) {
    LabNode follower = follower(lab, 0);
    Path log = logs.resolve("killed.log");
    Process tool = Swarmsnap.spawn(follower, Map.of("SWARMSNAP_RUN_DIR", runDir.toString()), log,
        "backup", "--output", out.toString(), "--max-downtime", "60");
    assertThat(Await.until(Duration.ofSeconds(60), () -> logContains(log, "engine stopped"))).isTrue();

    tool.destroyForcibly(); // SIGKILL: no finally block, no shutdown hook

    assertThat(Await.until(Duration.ofSeconds(60), () -> answers(lab, follower)))
        .as("the watchdog started the engine within --max-downtime").isTrue();
    assertThat(Await.until(Duration.ofSeconds(10), () -> BackupArchives.everything(out).isEmpty()))
        .as("no archive, no staging copy left: " + BackupArchives.everything(out)).isTrue();
    assertThat(isReachableManager(lab, lab.node(lab.leader()), follower)).isTrue();
  }

  @Test
  @Order(6)
  void aFullOutputFilesystemIsAClearErrorAndTheEngineRuns(Lab lab, @TempDir Path mountPoint) throws Exception {
    LabNode follower = follower(lab, 0);
    HostCommand.Result mount = HostCommand.run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mountPoint.toString());
    assertThat(mount.ok()).as(mount.output()).isTrue();
    try {
      Swarmsnap.Run run = backup(follower, "--output", mountPoint.toString());

      assertThat(run.code()).isEqualTo(ExitCode.FAILED.code());
      assertThat(run.err()).containsIgnoringCase("no space left");
      assertThat(run.err().lines().filter(l -> l.startsWith("swarmsnap: ")).count()).isEqualTo(1);
      assertThat(answers(lab, follower)).isTrue();
      assertThat(BackupArchives.everything(mountPoint)).isEmpty();
    } finally {
      HostCommand.run("umount", mountPoint.toString());
    }
    assertThat(isReachableManager(lab, lab.node(lab.leader()), follower)).isTrue();
  }

  @Test
  @Order(7)
  void anEngineThatWillNotStartIsAClearErrorAndTheSwarmDirIsUntouched(Lab lab, @TempDir Path out) throws Exception {
    LabNode follower = follower(lab, 0);
    Map<String, String> before = hashes(follower.swarmDir(), "certificates/swarm-node.key",
        "certificates/swarm-node.crt", "certificates/swarm-root-ca.crt", "docker-state.json");
    Map<String, String> env = new java.util.HashMap<>(Swarmsnap.envFor(follower));
    env.put("SWARMSNAP_START_CMD", "echo 'dockerd: simulated failure' >&2; exit 1");
    env.put("SWARMSNAP_RUN_DIR", runDir.toString());
    try {
      Swarmsnap.Run run = Swarmsnap.run(env, "backup", "--output", out.toString(), "--max-downtime", "20");

      assertThat(run.code()).isEqualTo(ExitCode.FAILED.code());
      assertThat(run.err()).contains("did not start again").contains("start it now by hand")
          .contains("simulated failure");
      assertThat(answers(lab, follower)).isFalse();
      assertThat(hashes(follower.swarmDir(), before.keySet().toArray(String[]::new))).isEqualTo(before);
      assertThat(BackupArchives.in(out)).isEmpty();
    } finally {
      lab.start(follower.name());
    }
    assertThat(isReachableManager(lab, lab.node(lab.leader()), follower)).isTrue();
  }

  @Test
  @Order(8)
  void userStopAndStartCommandsWork(Lab lab, @TempDir Path out) {
    LabNode follower = follower(lab, 1);
    Map<String, String> env = new java.util.HashMap<>(Swarmsnap.envFor(follower));
    env.remove("SWARMSNAP_ENGINE_CONTROL");
    env.put("SWARMSNAP_RUN_DIR", runDir.toString());

    Swarmsnap.Run run = Swarmsnap.run(env, "backup", "--output", out.toString(), "--json",
        "--engine-control", "command", "--stop-cmd", "kill -TERM $(cat " + follower.pidFile() + ")");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.json().path("engineControl").asText()).startsWith("command (stop: kill -TERM");
    assertThat(BackupArchives.verify(Path.of(run.json().path("archive").asText())).intact()).isTrue();
    assertThat(isReachableManager(lab, lab.node(lab.leader()), follower)).isTrue();
  }

  private static Swarmsnap.Run backup(LabNode node, String... args) {
    Map<String, String> env = new java.util.HashMap<>(Swarmsnap.envFor(node));
    env.put("SWARMSNAP_RUN_DIR", runDir.toString());
    String[] command = new String[args.length + 1];
    command[0] = "backup";
    System.arraycopy(args, 0, command, 1, args.length);
    return Swarmsnap.run(env, command);
  }

  private static String reason(Swarmsnap.Run verify, String check) {
    for (var f : verify.json().path("findings")) {
      if (f.path("check").asText().equals(check)) {
        return f.path("reason").asText();
      }
    }
    throw new AssertionError("verify reported no " + check + ": " + verify.out());
  }

  static LabNode follower(Lab lab, int index) {
    String leader = lab.leader();
    return lab.nodes().stream()
        .filter(n -> n.role() == LabNode.Role.MANAGER && !n.name().equals(leader))
        .sorted(Comparator.comparing(LabNode::name))
        .toList()
        .get(index);
  }

  static boolean answers(Lab lab, LabNode node) {
    return lab.docker(node.name(), Duration.ofSeconds(5), "version", "--format", "{{.Server.Version}}").ok();
  }

  static String reachability(Lab lab, LabNode leader, LabNode node) {
    CommandResult result = lab.docker(leader.name(), Duration.ofSeconds(10),
        "node", "inspect", node.hostname(), "--format", "{{.ManagerStatus.Reachability}} {{.Status.State}}");
    return result.ok() ? result.stdout().trim() : "";
  }

  static boolean isReachableManager(Lab lab, LabNode leader, LabNode node) {
    return Await.until(Duration.ofSeconds(60), () -> reachability(lab, leader, node).equals("reachable ready"));
  }

  private static boolean logContains(Path log, String text) {
    try {
      return Files.exists(log) && Files.readString(log).contains(text);
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /**
   * Every file of the (now stopped) node's swarm directory is in the archive; files the engine does
   * not rewrite on start have the archived hash, and each WAL segment starts with the archived bytes
   * (WAL is append-only).
   */
  private static void assertEveryFileIsArchived(Manifest manifest, Path swarmDir) throws Exception {
    List<String> onDisk;
    try (var walk = Files.walk(swarmDir)) {
      onDisk = walk.filter(Files::isRegularFile)
          .map(p -> "swarm/" + swarmDir.relativize(p))
          .filter(p -> !p.endsWith(".tmp"))
          .sorted().toList();
    }
    List<String> archived = manifest.files().stream().filter(f -> !f.isDirectory())
        .map(ManifestFile::path).filter(p -> p.startsWith("swarm/")).sorted().toList();
    assertThat(archived).containsAll(onDisk.stream().filter(p -> !p.contains("/snap-v3-encrypted/")).toList());
    for (ManifestFile file : manifest.files()) {
      String path = file.path();
      if (file.isDirectory() || !path.startsWith("swarm/") || path.endsWith("tasks.db") || path.endsWith("state.json")
          && !path.endsWith("docker-state.json")) {
        continue;
      }
      Path current = swarmDir.resolve(path.substring("swarm/".length()));
      assertThat(current).exists();
      assertThat(prefixHash(current, file.storedLength())).as(path).isEqualTo(file.sha256().orElseThrow().hex());
      assertThat(Files.size(current)).as(path).isGreaterThanOrEqualTo(file.storedLength());
    }
  }

  private static Map<String, String> hashes(Path dir, String... files) throws Exception {
    Map<String, String> hashes = new java.util.TreeMap<>();
    for (String file : files) {
      Path path = dir.resolve(file);
      hashes.put(file, prefixHash(path, Files.size(path)));
    }
    return hashes;
  }

  private static String prefixHash(Path file, long length) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[65536];
      long left = length;
      while (left > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          break;
        }
        sha.update(buffer, 0, n);
        left -= n;
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
