package dev.swarmsnap.cli.outage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.archive.ExtractionLimits;
import dev.swarmsnap.archive.ProgressListener;
import dev.swarmsnap.archive.SafeExtractor;
import dev.swarmsnap.core.manifest.ManifestCodec;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.lab.Lab;
import dev.swarmsnap.lab.LabNode;
import dev.swarmsnap.lab.LabSwarm;
import dev.swarmsnap.testing.Await;
import dev.swarmsnap.testing.HostCommand;
import dev.swarmsnap.testing.Swarmsnap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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
  private static final Duration BACK_WITHIN = Duration.ofSeconds(MAX_DOWNTIME + 60);
  private static final Duration PATIENCE = Duration.ofMinutes(2);

  private static Path work;
  private static Path archive;
  private static long startedAt;

  @BeforeAll
  static void twentyConfigsAndAStartCommandThatHashesTheSwarmDirectory(Lab lab) throws Exception {
    startedAt = System.nanoTime();
    work = Files.createTempDirectory("kill-it");
    LabNode node = lab.node("m1");
    for (int i = 0; i < 20; i++) {
      assertThat(lab.dockerWithStdin("m1", Duration.ofSeconds(30), "value " + i, "config", "create", "cfg_" + i, "-").ok())
          .isTrue();
    }
    Files.createDirectories(work.resolve("starts"));
    Files.createDirectories(work.resolve("out"));
    script("treehash.sh", "cd \"$1\" 2>/dev/null || { echo missing; exit 0; }\n"
        + "find . -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum\n");
    script("start.sh", "sh " + work.resolve("treehash.sh") + " " + node.swarmDir() + " > "
        + work.resolve("starts") + "/$(date +%s%N)\nexec " + node.startScript() + "\n");
  }

  @AfterAll
  static void runtime() {
    System.out.printf("KillAtEveryMomentIT: %d s for all cases%n", (System.nanoTime() - startedAt) / 1_000_000_000L);
  }

  @ParameterizedTest
  @ValueSource(strings = {"preflight", "stopping"})
  @Order(1)
  void killedBeforeTheStopTheEngineKeepsRunningUntouched(String phase, Lab lab) throws Exception {
    long pid = dockerdPid(lab);

    Killed killed = killAt(lab, phase, () -> "", backup());

    assertThat(killed.answered()).as(killed.log()).isTrue();
    assertThat(dockerdPid(lab)).as("the same dockerd runs on").isEqualTo(pid);
    assertThat(killed.startedOn()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"stopped", "copying", "start-issued"})
  @Order(2)
  void killedWhileTheEngineIsDownTheWatchdogStartsItOnTheUntouchedDirectory(String phase, Lab lab) throws Exception {
    Killed killed = killAt(lab, phase, () -> treeHash(swarmDir(lab)), backup());

    assertThat(killed.answered()).as(killed.log()).isTrue();
    assertThat(killed.startedOn()).as(killed.watchdogLog()).contains(killed.atPause());
    assertThat(killed.atPause()).contains("swarm-node.key");
    assertThat(outputLeftovers()).as("the staging copy holds keys: the watchdog removes it").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"starting", "unlocking"})
  @Order(3)
  void killedAfterTheStartTheEngineComesUp(String phase, Lab lab) throws Exception {
    Killed killed = killAt(lab, phase, () -> "", backup());

    assertThat(killed.answered()).as(killed.log()).isTrue();
    assertThat(killed.startedOn()).hasValueSatisfying(tree -> assertThat(tree).contains("swarm-node.key"));
  }

  @Test
  @Order(4)
  void killedWhileTheEngineStillExitsTheWatchdogWaitsForTheExitAndStartsIt(Lab lab) throws Exception {
    boolean hitTheWindow = false;
    for (int attempt = 0; attempt < 3 && !hitTheWindow; attempt++) {
      long pid = dockerdPid(lab);
      clearStarts();
      Path log = work.resolve("engine-exiting-" + attempt + ".log");
      Process tool = Swarmsnap.spawn(lab.node("m1"), env(Optional.empty()), log, backup());
      assertThat(Await.until(PATIENCE, () -> read(log).contains("stopping the engine"))).as(read(log)).isTrue();
      Await.until(PATIENCE, () -> !pings(lab));
      tool.destroyForcibly();
      hitTheWindow = alive(pid);
      tool.waitFor(30, TimeUnit.SECONDS);

      assertThat(Await.until(BACK_WITHIN, () -> pings(lab))).as(read(log) + watchdogLogs()).isTrue();
      awaitWatchdogsGone();
      assertThat(dockerdPid(lab)).isNotEqualTo(pid);
      assertThat(latestStart()).hasValueSatisfying(tree -> assertThat(tree).contains("swarm-node.key"));
    }
    assertThat(hitTheWindow).as("dockerd was still exiting when swarmsnap was killed").isTrue();
    assertThat(watchdogLogs()).contains("the engine has exited");
  }

  @Test
  @Order(5)
  void aBackupToRestoreFrom(Lab lab) {
    Swarmsnap.Run run = Swarmsnap.run(inProcess(lab), backup("--json"));

    assertThat(run.code()).as(run.err()).isZero();
    archive = Path.of(run.json().path("archive").asText());
    assertThat(lab.dockerWithStdin("m1", Duration.ofSeconds(30), "later", "config", "create", "after_backup", "-").ok())
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"swap-aside", "swap-in", "swapped", "start-issued"})
  @Order(6)
  void killedDuringTheSwapTheWatchdogPutsTheOriginalBack(String phase, Lab lab) throws Exception {
    Path swarm = swarmDir(lab);
    Killed killed = killAt(lab, phase, () -> treeHash(phase.equals("swap-aside") ? swarm : aside(swarm)), restore());

    assertThat(killed.answered()).as(killed.log()).isTrue();
    assertThat(killed.startedOn()).as(killed.watchdogLog()).contains(killed.atPause());
    assertThat(killed.atPause()).contains("swarm-node.key");
    assertThat(siblings(swarm)).as("no journal, nothing aside, no staging")
        .allMatch(p -> p.getFileName().toString().contains(".failed-restore-"));
    assertThat(configs(lab)).contains("after_backup");
  }

  @Test
  @Order(7)
  void killedWhileTheRestoredEngineStartsItRunsOnTheCompleteRestoredStateAndTheNextRunRefuses(Lab lab)
      throws Exception {
    Path swarm = swarmDir(lab);
    Killed killed = killAt(lab, "starting", () -> "", restore());

    assertThat(killed.answered()).as(killed.log()).isTrue();
    assertThat(killed.startedOn()).as(killed.watchdogLog()).contains(restoredTree());
    Path journal = swarm.resolveSibling("swarm.swarmsnap-swap");
    assertThat(journal).exists();
    Swarmsnap.Run next = Swarmsnap.run(inProcess(lab), backup());
    assertThat(next.code()).isEqualTo(ExitCode.UNSAFE.code());
    assertThat(next.err()).contains("an interrupted restore").contains(swarm + " holds the state the restore put in place")
        .contains("remove " + journal);
    Files.delete(journal);
  }

  /** What one kill left. */
  private record Killed(boolean answered, String atPause, Optional<String> startedOn, String log, String watchdogLog) {}

  private Killed killAt(Lab lab, String phase, Supplier<String> atPause, String... args) throws Exception {
    clearStarts();
    Path log = work.resolve(phase + "-" + args[0] + ".log");
    Process tool = Swarmsnap.spawn(lab.node("m1"), env(Optional.of(phase)), log, args);
    boolean paused = Await.until(PATIENCE, () -> read(log).contains("swarmsnap-test: paused at " + phase));
    String pauseState = paused ? atPause.get() : "";
    tool.destroyForcibly();
    tool.waitFor(30, TimeUnit.SECONDS);
    assertThat(paused).as("paused at " + phase + ": " + read(log)).isTrue();
    boolean answered = Await.until(BACK_WITHIN, () -> pings(lab));
    awaitWatchdogsGone();
    return new Killed(answered, pauseState, latestStart(), read(log), watchdogLogs());
  }

  private static String[] backup(String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("backup", "--accept-outage", "--max-downtime",
        Integer.toString(MAX_DOWNTIME), "--output", work.resolve("out").toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  private static String[] restore() {
    return new String[] {"restore", archive.toString(), "--yes", "--max-downtime", Integer.toString(MAX_DOWNTIME)};
  }

  private static Map<String, String> env(Optional<String> pauseAt) {
    Map<String, String> env = new HashMap<>();
    env.put("SWARMSNAP_RUN_DIR", work.resolve("run").toString());
    env.put("SWARMSNAP_START_CMD", "sh " + work.resolve("start.sh"));
    pauseAt.ifPresent(p -> env.put("SWARMSNAP_TEST_PAUSE_AT", p));
    return env;
  }

  /** The environment of an in-process run: the node's, as {@code lab env} prints it, plus ours. */
  private static Map<String, String> inProcess(Lab lab) {
    Map<String, String> env = new HashMap<>(Swarmsnap.envFor(lab.node("m1")));
    env.putAll(env(Optional.empty()));
    return env;
  }

  private static Path swarmDir(Lab lab) {
    return lab.node("m1").swarmDir();
  }

  private static Path aside(Path swarm) {
    return siblings(swarm).stream().filter(p -> p.getFileName().toString().contains(".before-restore-")).findFirst()
        .orElseThrow(() -> new AssertionError("nothing moved aside: " + siblings(swarm)));
  }

  /** Anything a restore leaves next to the swarm directory. */
  private static List<Path> siblings(Path swarm) {
    try (Stream<Path> list = Files.list(swarm.getParent())) {
      return list.filter(p -> {
        String name = p.getFileName().toString();
        return name.startsWith("swarm.") || name.startsWith(".swarmsnap-restore-");
      }).toList();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The archive's swarm directory, hashed as the start command hashes the live one. */
  private static String restoredTree() throws Exception {
    Path tree = work.resolve("extracted");
    if (!Files.exists(tree)) {
      new SafeExtractor(new ManifestCodec(), new ExtractionLimits(ExtractionLimits.DEFAULT_MAX_FILE_BYTES,
          ExtractionLimits.Ownership.CURRENT_USER)).extract(archive, tree, ProgressListener.NONE);
    }
    return treeHash(tree.resolve("swarm"));
  }

  private static String treeHash(Path dir) {
    return HostCommand.run("sh", work.resolve("treehash.sh").toString(), dir.toString()).output();
  }

  private static Optional<String> latestStart() throws IOException {
    try (Stream<Path> starts = Files.list(work.resolve("starts"))) {
      return starts.sorted().reduce((a, b) -> b).map(KillAtEveryMomentIT::read);
    }
  }

  private static void clearStarts() throws IOException {
    try (Stream<Path> starts = Files.list(work.resolve("starts"))) {
      for (Path start : starts.toList()) {
        Files.delete(start);
      }
    }
  }

  private static List<String> outputLeftovers() throws IOException {
    try (Stream<Path> out = Files.list(work.resolve("out"))) {
      return out.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".swarmsnap")).toList();
    }
  }

  private static String configs(Lab lab) {
    return lab.docker("m1", Duration.ofSeconds(30), "config", "ls", "--format", "{{.Name}}").stdout();
  }

  private static boolean pings(Lab lab) {
    return HostCommand.run("curl", "-sf", "-m", "2", "--unix-socket", lab.node("m1").socket().toString(),
        "http://localhost/_ping").ok();
  }

  private static long dockerdPid(Lab lab) throws IOException {
    return Long.parseLong(Files.readString(lab.node("m1").pidFile()).strip());
  }

  /** Alive and not a zombie. */
  private static boolean alive(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      char state = stat.substring(stat.lastIndexOf(')') + 2).charAt(0);
      return state != 'Z' && state != 'X';
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Each case starts once the watchdogs of the one before have finished. */
  private static void awaitWatchdogsGone() throws IOException {
    for (Path pidFile : watchdogFiles("pid")) {
      long pid = Long.parseLong(read(pidFile).strip());
      assertThat(Await.until(PATIENCE, () -> !alive(pid))).as("watchdog " + pid + " finished").isTrue();
    }
  }

  private static String watchdogLogs() throws IOException {
    StringBuilder logs = new StringBuilder();
    for (Path log : watchdogFiles("watchdog.log")) {
      logs.append(read(log));
    }
    return logs.toString();
  }

  private static List<Path> watchdogFiles(String name) throws IOException {
    Path run = work.resolve("run");
    if (!Files.exists(run)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(run)) {
      return dirs.filter(d -> d.getFileName().toString().startsWith("outage-")).map(d -> d.resolve(name))
          .filter(Files::exists).sorted().toList();
    }
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static void script(String name, String body) throws IOException {
    Path script = work.resolve(name);
    Files.writeString(script, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
  }
}
