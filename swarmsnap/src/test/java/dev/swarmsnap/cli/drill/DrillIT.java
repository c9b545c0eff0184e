package dev.swarmsnap.cli.drill;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swarmsnap.cli.restore.RestoreLab;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.lab.CommandResult;
import dev.swarmsnap.lab.Lab;
import dev.swarmsnap.lab.LabNode;
import dev.swarmsnap.lab.LabSwarm;
import dev.swarmsnap.testing.Await;
import dev.swarmsnap.testing.HostCommand;
import dev.swarmsnap.testing.Swarmsnap;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
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
 * Drills of one 3-manager lab's backups (sample workload: services with --no-resolve-image, a
 * secret, a config, an overlay network): a good backup passes with an RTO and no differences, also
 * from a repository (the record and 'list' show it); corrupt, newer-engine, wrong-key and autolocked
 * backups; a drill killed with SIGKILL leaves a sandbox the next drill removes. After every drill no
 * namespace, process, mount or directory of its sandbox is left.
 */
@LabSwarm(managers = 3, workers = 0)
@Timeout(600)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DrillIT {
  /** The sandbox of an in-process drill carries this JVM's pid. */
  private static final String OWN_SANDBOX = "drill-" + Long.toString(ProcessHandle.current().pid(), 36);

  @TempDir static Path runDir;
  @TempDir static Path work;
  static Path archive;

  @Test
  @Order(1)
  void aBackupOfAThreeManagerSwarmPassesWithItsRtoAndNoDifferences(Lab lab) {
    LabNode follower = follower(lab);
    Swarmsnap.Run backup = RestoreLab.swarmsnap(follower, runDir, Map.of(),
        "backup", "--output", work.resolve("backups").toString(), "--repo", repo().toString(), "--json");
    assertThat(backup.code()).as(backup.err()).isZero();
    archive = Path.of(backup.json().path("archive").asText());

    Swarmsnap.Run run = drill(follower, Map.of(), archive.toString(), "--json");

    assertThat(run.code()).as(run.err()).isZero();
    JsonNode json = run.json();
    assertThat(json.path("result").asText()).isEqualTo("passed");
    assertThat(json.path("rto_seconds").asDouble()).isPositive();
    assertThat(json.path("drill").path("differences").size()).isZero();
    assertThat(json.path("drill").path("objects").path("services").asInt()).isEqualTo(2);
    assertThat(json.path("drill").path("comparisons").size()).isEqualTo(5);
    json.path("drill").path("comparisons").forEach(c -> assertThat(c.path("level").asText()).as(c.toString()).isEqualTo("OK"));
    assertThat(json.path("drill").path("sandbox").asText()).isEqualTo(OWN_SANDBOX);
    System.out.printf("drill of a 3-manager backup: RTO %.2f s, %.2f s in all%n", json.path("rto_seconds").asDouble(),
        json.path("drill").path("totalMillis").asLong() / 1000.0);
    assertNothingLeft(OWN_SANDBOX);
    assertThat(managers(lab)).allMatch(n -> lab.running(n.name()));
  }

  @Test
  @Order(2)
  void fromTheRepositoryTheResultIsRecordedListedAndWrittenAsMetrics(Lab lab) throws IOException {
    LabNode follower = follower(lab);
    Path metrics = work.resolve("drill.prom");

    Swarmsnap.Run run = drill(follower, Map.of(), "latest", "--repo", repo().toString(), "--metrics-file", metrics.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("PASSED").contains("RTO").contains("Recorded");
    assertThat(Files.readString(metrics)).contains("swarmsnap_last_drill_success_timestamp_seconds ")
        .contains("swarmsnap_drill_rto_seconds ").contains("swarmsnap_last_drill_passed 1");
    assertNothingLeft(OWN_SANDBOX);
    Swarmsnap.Run list = Swarmsnap.run(Swarmsnap.envFor(follower), "list", "--repo", repo().toString(), "--json");
    assertThat(list.code()).as(list.err()).isZero();
    JsonNode drill = list.json().get(0).path("drill");
    assertThat(drill.path("result").asText()).isEqualTo("passed");
    assertThat(drill.path("rto_ms").asLong()).isPositive();
    assertThat(drill.path("at").asText()).isNotBlank();
    Swarmsnap.Run text = Swarmsnap.run(Swarmsnap.envFor(follower), "list", "--repo", repo().toString());
    assertThat(text.out()).contains("DRILL").contains("passed (");
  }

  @Test
  @Order(3)
  void aCorruptArchiveFailsWithTheReasonAndExitFour(Lab lab) throws IOException {
    Path corrupt = work.resolve("corrupt.swarmsnap");
    Files.copy(archive, corrupt);
    try (FileChannel channel = FileChannel.open(corrupt, StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.wrap(new byte[64]), Files.size(corrupt) / 2);
    }

    Swarmsnap.Run run = drill(follower(lab), Map.of(), corrupt.toString());

    assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.VERIFY_FAILED.code());
    assertThat(run.err()).contains("does not verify");
    assertNothingLeft(OWN_SANDBOX);
  }

  @Test
  @Order(4)
  void anArchiveFromANewerEngineIsRefusedAsRestoreRefusesIt(Lab lab) throws Exception {
    Path newer = RestoreLab.withEngineVersion(archive, "99.0.0", Files.createDirectories(work.resolve("newer")));

    Swarmsnap.Run run = drill(follower(lab), Map.of(), newer.toString());

    assertThat(run.code()).as(run.err()).isNotZero().isNotEqualTo(ExitCode.VERIFY_FAILED.code());
    assertThat(run.err()).contains("99.0.0");
    assertNothingLeft(OWN_SANDBOX);
  }

  @Test
  @Order(5)
  void anAutolockedBackupDrillsWithItsKeyAndAWrongKeyFailsWithTheReason(Lab lab) {
    CommandResult lock = lab.docker(lab.leader(), Duration.ofSeconds(30), "swarm", "update", "--autolock=true");
    assertThat(lock.ok()).as(lock.reason()).isTrue();
    String key = lab.docker(lab.leader(), Duration.ofSeconds(30), "swarm", "unlock-key", "-q").stdout().strip();
    LabNode follower = follower(lab);
    // Each manager re-encrypts its node key on its own time: wait for this one before the backup.
    assertThat(Await.until(Duration.ofSeconds(60), () -> Swarmsnap.run(Map.of("KEY", key),
        "key", "check", follower.swarmDir().toString(), "--unlock-key-env", "KEY").code() == 0)).isTrue();
    Swarmsnap.Run backup = RestoreLab.swarmsnap(follower, runDir, Map.of("KEY", key),
        "backup", "--output", work.resolve("locked").toString(), "--unlock-key-env", "KEY", "--json");
    assertThat(backup.code()).as(backup.err()).isZero();
    String locked = backup.json().path("archive").asText();
    String wrong = "SWMKEY-1-" + Base64.getEncoder().withoutPadding().encodeToString(new byte[32]);

    Swarmsnap.Run refused = drill(follower, Map.of("KEY", wrong), locked, "--unlock-key-env", "KEY");
    Swarmsnap.Run passed = drill(follower, Map.of("KEY", key), locked, "--unlock-key-env", "KEY", "--json");

    assertThat(refused.code()).isNotZero().isNotEqualTo(ExitCode.USAGE.code());
    assertThat(refused.err()).contains("does not open").doesNotContain(wrong);
    assertThat(passed.code()).as(passed.err()).isZero();
    assertThat(passed.json().path("result").asText()).isEqualTo("passed");
    assertThat(passed.out() + passed.err()).doesNotContain(key);
    assertNothingLeft(OWN_SANDBOX);
  }

  @Test
  @Order(6)
  void aDrillKilledMidWayLeavesASandboxThatTheNextDrillRemoves(Lab lab) throws Exception {
    LabNode follower = follower(lab);
    Path log = work.resolve("killed.log");
    Map<String, String> env = new HashMap<>(drillEnv(Map.of()));
    env.put("SWARMSNAP_TEST_PAUSE_AT", "sandbox-ready");
    Process tool = Swarmsnap.spawn(follower, env, log, "drill", archive.toString());
    String sandbox = "drill-" + Long.toString(tool.pid(), 36);
    boolean paused = Await.until(Duration.ofMinutes(2), () -> read(log).contains("swarmsnap-test: paused at sandbox-ready"));
    tool.destroyForcibly();
    tool.waitFor(30, TimeUnit.SECONDS);
    assertThat(paused).as(read(log)).isTrue();
    assertThat(HostCommand.run("ip", "netns", "list").output()).contains("swarmsnap-" + sandbox + "-m1");

    Swarmsnap.Run next = drill(follower, Map.of(), archive.toString());

    assertThat(next.code()).as(next.err()).isZero();
    assertThat(next.err()).contains("removed sandbox " + sandbox + ", left by a drill that was killed");
    assertNothingLeft(sandbox);
    assertNothingLeft(OWN_SANDBOX);
  }

  @Test
  @Order(7)
  void aDrillEndedBySigtermLikeCtrlCRemovesItsSandboxOnTheWayOut(Lab lab) throws Exception {
    Path log = work.resolve("terminated.log");
    Map<String, String> env = new HashMap<>(drillEnv(Map.of()));
    env.put("SWARMSNAP_TEST_PAUSE_AT", "sandbox-ready");
    Process tool = Swarmsnap.spawn(follower(lab), env, log, "drill", archive.toString());
    String sandbox = "drill-" + Long.toString(tool.pid(), 36);
    boolean paused = Await.until(Duration.ofMinutes(2), () -> read(log).contains("swarmsnap-test: paused at sandbox-ready"));
    assertThat(HostCommand.run("ip", "netns", "list").output()).contains("swarmsnap-" + sandbox + "-m1");

    tool.destroy();
    boolean ended = tool.waitFor(2, TimeUnit.MINUTES);

    assertThat(paused).as(read(log)).isTrue();
    assertThat(ended).as(read(log)).isTrue();
    assertNothingLeft(sandbox);
  }

  private static Swarmsnap.Run drill(LabNode node, Map<String, String> extra, String... args) {
    List<String> argv = new ArrayList<>(List.of("drill"));
    argv.addAll(List.of(args));
    return RestoreLab.swarmsnap(node, runDir, drillEnv(extra), argv.toArray(String[]::new));
  }

  /** The lab registry the test labs use, so the sandbox lands beside them. */
  private static Map<String, String> drillEnv(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(extra);
    env.put("SWARMSNAP_LAB_REGISTRY", registry().toString());
    return env;
  }

  private static Path registry() {
    String property = System.getProperty("swarmsnap.lab.registry");
    return property == null || property.isBlank() ? Path.of("/var/lib/swarmsnap/labs") : Path.of(property);
  }

  private static Path repo() {
    return work.resolve("repo");
  }

  private static LabNode follower(Lab lab) {
    String leader = lab.leader();
    return managers(lab).stream().filter(n -> !n.name().equals(leader)).findFirst().orElseThrow();
  }

  private static List<LabNode> managers(Lab lab) {
    return lab.nodes().stream().filter(LabNode::isManager).toList();
  }

  /** No namespace, registry entry, directory, mount or process of the sandbox {@code name} is left. */
  private static void assertNothingLeft(String name) {
    Path dir = registry().resolve(name);
    assertThat(HostCommand.run("ip", "netns", "list").output()).doesNotContain("swarmsnap-" + name + "-");
    assertThat(registry().resolve(name + ".lab.json")).doesNotExist();
    assertThat(dir).doesNotExist();
    assertThat(read(Path.of("/proc/mounts"))).doesNotContain(dir + "/").doesNotContain(dir + " ");
    assertThat(processesUnder(dir)).isEmpty();
  }

  private static List<String> processesUnder(Path dir) {
    List<String> found = new ArrayList<>();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
        try {
          String cmdline = new String(Files.readAllBytes(p.resolve("cmdline"))).replace('\0', ' ');
          if (cmdline.contains(dir + "/")) {
            found.add(p.getFileName() + ": " + cmdline);
          }
        } catch (IOException e) {
          // gone meanwhile
        }
      });
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return found;
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
