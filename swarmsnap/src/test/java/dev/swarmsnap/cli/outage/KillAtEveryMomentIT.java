package dev.swarmsnap.cli.outage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.cli.outage.KillPoints.Killed;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.lab.Lab;
import dev.swarmsnap.lab.LabSwarm;
import dev.swarmsnap.testing.Await;
import dev.swarmsnap.testing.Swarmsnap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SIGKILL of swarmsnap (a child process) at each named moment of {@code backup} and {@code restore}
 * on a single-manager swarm with 20 configs. The moments are reached with the test-only pause
 * ({@code SWARMSNAP_TEST_PAUSE_AT}), except "engine exiting", which is hit as a user would: kill
 * the moment the API stops answering while dockerd still shuts down. After each kill the engine
 * must answer within --max-downtime + the stop timeout, and the swarm directory the engine was
 * started on (hashed by the start command itself, before dockerd runs) must be the original, byte
 * for byte, or the complete restored one.
 */
@LabSwarm(managers = 1, workers = 0)
@Timeout(900)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KillAtEveryMomentIT {
  private static final int MAX_DOWNTIME = 30;

  private static Path work;
  private static KillPoints kill;
  private static Path archive;
  private static long startedAt;

  @BeforeAll
  static void twentyConfigs(Lab lab) throws Exception {
    startedAt = System.nanoTime();
    work = Files.createTempDirectory("kill-it");
    for (int i = 0; i < 20; i++) {
      assertThat(lab.dockerWithStdin("m1", Duration.ofSeconds(30), "value " + i, "config", "create", "cfg_" + i, "-").ok())
          .isTrue();
    }
    Files.createDirectories(work.resolve("out"));
    kill = new KillPoints(work, lab.node("m1"), Duration.ofSeconds(MAX_DOWNTIME + 60));
  }

  @AfterAll
  static void runtime() {
    System.out.printf("KillAtEveryMomentIT: %d s for all cases%n", (System.nanoTime() - startedAt) / 1_000_000_000L);
  }

  @ParameterizedTest
  @ValueSource(strings = {"preflight", "stopping"})
  @Order(1)
  void killedBeforeTheStopTheEngineKeepsRunningUntouched(String phase) throws Exception {
    long pid = kill.dockerdPid();

    Killed killed = kill.killAt(phase, () -> "", backup());

    assertThat(killed.answered()).as(killed.log()).isTrue();
    assertThat(kill.dockerdPid()).as("the same dockerd runs on").isEqualTo(pid);
    assertThat(killed.startedOn()).isEmpty();
    assertThat(outputLeftovers()).as("the staging copy: the watchdog removes it").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"stopped", "copying", "start-issued"})
  @Order(2)
  void killedWhileTheEngineIsDownTheWatchdogStartsItOnTheUntouchedDirectory(String phase, Lab lab) throws Exception {
    Killed killed = kill.killAt(phase, () -> kill.treeHash(lab.node("m1").swarmDir()), backup());

    assertThat(killed.answered()).as(killed.log()).isTrue();
    assertThat(killed.startedOn()).as(killed.watchdogLog()).contains(killed.atPause());
    assertThat(killed.atPause()).contains("swarm-node.key");
    assertThat(outputLeftovers()).as("the staging copy holds keys: the watchdog removes it").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"starting", "unlocking"})
  @Order(3)
  void killedAfterTheStartTheEngineComesUp(String phase) throws Exception {
    Killed killed = kill.killAt(phase, () -> "", backup());

    assertThat(killed.answered()).as(killed.log()).isTrue();
    assertThat(killed.startedOn()).hasValueSatisfying(tree -> assertThat(tree).contains("swarm-node.key"));
  }

  @Test
  @Order(4)
  void killedWhileTheEngineStillExitsTheWatchdogWaitsForTheExitAndStartsIt(Lab lab) throws Exception {
    boolean hitTheWindow = false;
    for (int attempt = 0; attempt < 3 && !hitTheWindow; attempt++) {
      long pid = kill.dockerdPid();
      kill.clearStarts();
      Path log = work.resolve("engine-exiting-" + attempt + ".log");
      Process tool = Swarmsnap.spawn(lab.node("m1"), kill.env(Optional.empty()), log, backup());
      assertThat(Await.until(Duration.ofMinutes(2), () -> KillPoints.read(log).contains("stopping the engine")))
          .as(KillPoints.read(log)).isTrue();
      Await.until(Duration.ofMinutes(2), () -> !kill.pings());
      tool.destroyForcibly();
      hitTheWindow = KillPoints.alive(pid);
      tool.waitFor(30, TimeUnit.SECONDS);

      assertThat(Await.until(Duration.ofSeconds(MAX_DOWNTIME + 60), kill::pings))
          .as(KillPoints.read(log) + kill.watchdogLogs()).isTrue();
      kill.awaitWatchdogsGone();
      assertThat(kill.dockerdPid()).isNotEqualTo(pid);
      assertThat(kill.latestStart()).hasValueSatisfying(tree -> assertThat(tree).contains("swarm-node.key"));
    }
    assertThat(hitTheWindow).as("dockerd was still exiting when swarmsnap was killed").isTrue();
    assertThat(kill.watchdogLogs()).contains("the engine has exited");
  }

  @Test
  @Order(5)
  void aBackupToRestoreFrom(Lab lab) {
    Swarmsnap.Run run = Swarmsnap.run(kill.inProcess(), backup("--json"));

    assertThat(run.code()).as(run.err()).isZero();
    archive = Path.of(run.json().path("archive").asText());
    assertThat(lab.dockerWithStdin("m1", Duration.ofSeconds(30), "later", "config", "create", "after_backup", "-").ok())
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"swap-aside", "swap-in", "swapped"})
  @Order(6)
  void killedDuringTheSwapTheWatchdogPutsTheOriginalBack(String phase, Lab lab) throws Exception {
    Path swarm = lab.node("m1").swarmDir();
    Killed killed = kill.killAt(phase,
        () -> kill.treeHash(phase.equals("swap-aside") ? swarm : kill.sibling(".before-restore-")), restore());

    assertThat(killed.answered()).as(killed.log()).isTrue();
    assertThat(killed.startedOn()).as(killed.watchdogLog()).contains(killed.atPause());
    assertThat(killed.atPause()).contains("swarm-node.key");
    assertThat(kill.siblings("swarm.", ".swarmsnap-")).as("no journal, nothing aside, no staging")
        .allMatch(p -> p.getFileName().toString().contains(".failed-restore-"));
    assertThat(lab.docker("m1", Duration.ofSeconds(30), "config", "ls", "--format", "{{.Name}}").stdout())
        .contains("after_backup");
  }

  @ParameterizedTest
  @ValueSource(strings = {"start-issued", "starting"})
  @Order(7)
  void killedOnceTheStartIsIssuedTheEngineRunsOnTheCompleteRestoredStateAndTheNextRunRefuses(String phase, Lab lab)
      throws Exception {
    Path swarm = lab.node("m1").swarmDir();
    // what the restore put in place (the archive's state, rewritten offline as a one-manager cluster)
    Killed killed = kill.killAt(phase, () -> kill.treeHash(swarm), restore());

    assertThat(killed.answered()).as(killed.log()).isTrue();
    assertThat(killed.startedOn()).as(killed.watchdogLog()).contains(killed.atPause());
    assertThat(kill.siblings(".swarmsnap-restore-")).as("the staging directory: the watchdog removes it").isEmpty();
    Path journal = swarm.resolveSibling("swarm.swarmsnap-swap");
    assertThat(journal).exists();
    Swarmsnap.Run next = Swarmsnap.run(kill.inProcess(), backup());
    assertThat(next.code()).isEqualTo(ExitCode.UNSAFE.code());
    assertThat(next.err()).contains("an interrupted restore").contains(swarm + " holds the state the restore put in place")
        .contains("remove " + journal);
    Files.delete(journal);
  }

  private static String[] backup(String... more) {
    List<String> args = new ArrayList<>(List.of("backup", "--accept-outage", "--max-downtime",
        Integer.toString(MAX_DOWNTIME), "--output", work.resolve("out").toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  private static String[] restore() {
    return new String[] {"restore", archive.toString(), "--yes", "--max-downtime", Integer.toString(MAX_DOWNTIME)};
  }

  private static List<String> outputLeftovers() throws IOException {
    try (Stream<Path> out = Files.list(work.resolve("out"))) {
      return out.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".swarmsnap")).toList();
    }
  }
}
