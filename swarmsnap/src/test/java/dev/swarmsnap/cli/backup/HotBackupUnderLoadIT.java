package dev.swarmsnap.cli.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.cli.restore.RestoreLab;
import dev.swarmsnap.lab.Lab;
import dev.swarmsnap.lab.LabNode;
import dev.swarmsnap.lab.LabSwarm;
import dev.swarmsnap.testing.Await;
import dev.swarmsnap.testing.Swarmsnap;
import dev.swarmsnap.testing.load.ApiPoller;
import dev.swarmsnap.testing.load.ConfigChurn;
import dev.swarmsnap.testing.load.LatencyReport;
import dev.swarmsnap.testing.load.SwarmObjects;
import dev.swarmsnap.testing.load.UnixHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backup --hot} under a steady write load (configs created and removed at 25 a second on
 * the leader): hot backups in a row on the leader, then on a follower. Each one must pass {@code
 * verify}, hold every object that existed when it started, run at low priority (its default), leave
 * the engine's pid as it was, and the API of the node must answer every poll (every 50 ms) while it
 * runs. The follower's first hot backup must pass {@code drill} (restored in a sandbox, every object
 * compared). Between them, one cold backup of a follower under the same load must pass {@code verify}
 * too. Then the disaster: every manager wiped, the last hot backup of the leader restored, two fresh
 * managers joining.
 *
 * <p>{@code -Dswarmsnap.hot.rounds=N} (default 3) backups per node; {@code
 * -Dswarmsnap.hot.archives=DIR} keeps the archives there. {@code bench/hot-soak.sh} runs this class
 * with 20 rounds and counts the {@code hot-round} lines it prints.
 */
@LabSwarm(managers = 3, workers = 0)
@Timeout(1800)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HotBackupUnderLoadIT {
  private static final int ROUNDS = Integer.getInteger("swarmsnap.hot.rounds", 3);
  private static final Duration POLL_EVERY = Duration.ofMillis(50);
  private static final Duration API_TIMEOUT = Duration.ofSeconds(10);

  @TempDir static Path runDir;
  @TempDir static Path tempArchives;
  static Path leaderArchive;
  static SwarmObjects beforeLeaderArchive;
  static Path followerArchive;

  /** One backup's outcome: no problems is a pass. */
  record Round(String node, int number, Path archive, SwarmObjects before, List<String> problems, String figures) {
    boolean passed() {
      return problems.isEmpty();
    }

    String line() {
      return String.format(Locale.ROOT, "hot-round %s %d/%d %s: %s", node, number, ROUNDS,
          passed() ? "PASS" : "FAIL",
          passed() ? figures : String.join("; ", problems).replace('\n', ' ') + " (" + figures + ")");
    }
  }

  @Test
  @Order(1)
  void hotBackupsOfTheLeaderUnderWriteLoad(Lab lab) throws Exception {
    List<Round> rounds = backupsUnderLoad(lab, lab.node(lab.leader()), "leader");

    Round last = rounds.get(rounds.size() - 1);
    leaderArchive = last.archive();
    beforeLeaderArchive = last.before();
    assertThat(rounds).allSatisfy(r -> assertThat(r.passed()).as(r.line()).isTrue());
  }

  @Test
  @Order(2)
  void hotBackupsOfAFollowerUnderWriteLoad(Lab lab) throws Exception {
    String leader = lab.leader();
    LabNode follower = lab.nodes().stream().filter(n -> n.isManager() && !n.name().equals(leader))
        .min(Comparator.comparing(LabNode::name)).orElseThrow();

    List<Round> rounds = backupsUnderLoad(lab, follower, "follower");

    followerArchive = rounds.get(0).archive();
    assertThat(rounds).allSatisfy(r -> assertThat(r.passed()).as(r.line()).isTrue());
  }

  /**
   * The cold path under the same load: configs the load removes between the API snapshot and the
   * stop are not in the copy, and the archive's API view must leave them out for verify to pass.
   */
  @Test
  @Order(3)
  void aColdBackupOfAFollowerUnderWriteLoadPassesVerify(Lab lab) throws Exception {
    String leader = lab.leader();
    LabNode follower = lab.nodes().stream().filter(n -> n.isManager() && !n.name().equals(leader))
        .max(Comparator.comparing(LabNode::name)).orElseThrow();
    UnixHttp leaderApi = new UnixHttp(lab.node(leader).socket(), ConfigChurn.WRITE_TIMEOUT);
    try (ConfigChurn churn = ConfigChurn.start(leaderApi, "churn-cold", ConfigChurn.WRITES_PER_SECOND)) {
      assertThat(Await.until(Duration.ofSeconds(30), () -> churn.ackedWrites() >= 10)).as("the load writes").isTrue();
      SwarmObjects before;
      Swarmsnap.Run run;
      try {
        Set<String> kept = churn.protect();
        before = SwarmObjects.listed(new UnixHttp(follower.socket(), API_TIMEOUT))
            .without(n -> churn.owns(n) && !kept.contains(n));
        run = RestoreLab.swarmsnap(follower, runDir, Map.of(), "backup", "--output",
            tempArchives.resolve("follower-cold.swarmsnap").toString(), "--json");
      } finally {
        churn.release();
      }

      assertThat(run.code()).as(run.err()).isZero();
      assertThat(run.json().path("mode").asText()).isEqualTo("cold");
      Path archive = Path.of(run.json().path("archive").asText());
      Swarmsnap.Run verify = Swarmsnap.on(follower, "verify", archive.toString());
      assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
      Swarmsnap.Run inspect = Swarmsnap.on(follower, "inspect", archive.toString(), "--json");
      assertThat(inspect.code()).as(inspect.err()).isZero();
      assertThat(before.missingFrom(SwarmObjects.inspected(inspect.json()))).as("not in the archive").isEmpty();
      assertThat(churn.failures()).as("writes of the load that failed").isEmpty();
    }
  }

  @Test
  @Order(4)
  void aFollowersHotBackupPassesADrill(Lab lab) {
    assertThat(followerArchive).as("the follower's first hot backup was written").isNotNull();
    // the sandbox lands in the registry of the test labs
    String registry = System.getProperty("swarmsnap.lab.registry", "");
    Map<String, String> env = registry.isBlank() ? Map.of() : Map.of("SWARMSNAP_LAB_REGISTRY", registry);

    Swarmsnap.Run run = RestoreLab.swarmsnap(lab.node(lab.leader()), runDir, env,
        "drill", followerArchive.toString(), "--json");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.json().path("result").asText()).isEqualTo("passed");
    assertThat(run.json().path("drill").path("differences").size()).as(run.out()).isZero();
    System.out.printf(Locale.ROOT, "hot-drill follower 1: passed, RTO %.2f s, %.2f s in all%n",
        run.json().path("rto_seconds").asDouble(), run.json().path("drill").path("totalMillis").asLong() / 1000.0);
  }

  @Test
  @Order(5)
  void aHotBackupComesBackOnAWipedNodeAndTwoFreshManagersJoin(Lab lab) throws Exception {
    assertThat(leaderArchive).as("the leader's hot backups ran").isNotNull();
    LabNode target = lab.node(lab.leader());
    List<LabNode> managers = lab.nodes().stream().filter(LabNode::isManager)
        .sorted(Comparator.comparing(LabNode::name)).toList();
    for (LabNode manager : managers) {
      lab.stop(manager.name());
      lab.wipe(manager.name());
    }

    Swarmsnap.Run run = RestoreLab.swarmsnap(target, runDir, Map.of(), "restore", leaderArchive.toString(),
        "--yes", "--json");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.json().path("leader").asBoolean()).isTrue();
    SwarmObjects live = SwarmObjects.listed(new UnixHttp(target.socket(), API_TIMEOUT));
    assertThat(beforeLeaderArchive.missingFrom(live)).as("objects of the backup missing after the restore").isEmpty();
    List<LabNode> fresh = managers.stream().filter(n -> !n.name().equals(target.name())).toList();
    RestoreLab.joinAsManagers(lab, target, fresh, target.address() + ":2377");
    assertThat(Await.until(Duration.ofSeconds(90), () -> RestoreLab.threeReachableManagers(lab, target)))
        .as("3 reachable managers: " + RestoreLab.managerStatuses(lab, target)).isTrue();
  }

  /** {@link #ROUNDS} hot backups of {@code node} in a row while the load writes through the leader. */
  private static List<Round> backupsUnderLoad(Lab lab, LabNode node, String label) throws Exception {
    UnixHttp leaderApi = new UnixHttp(lab.node(lab.leader()).socket(), ConfigChurn.WRITE_TIMEOUT);
    List<Round> rounds = new ArrayList<>();
    try (ConfigChurn churn = ConfigChurn.start(leaderApi, "churn-" + label, ConfigChurn.WRITES_PER_SECOND)) {
      assertThat(Await.until(Duration.ofSeconds(30), () -> churn.ackedWrites() >= 10)).as("the load writes").isTrue();
      for (int i = 1; i <= ROUNDS; i++) {
        Round round = backupUnderLoad(node, label, i, churn);
        System.out.println(round.line());
        rounds.add(round);
      }
      assertThat(churn.failures()).as("writes of the load that failed").isEmpty();
    }
    return rounds;
  }

  private static Round backupUnderLoad(LabNode node, String label, int number, ConfigChurn churn) throws Exception {
    UnixHttp api = new UnixHttp(node.socket(), API_TIMEOUT);
    List<String> problems = new ArrayList<>();
    SwarmObjects before;
    String pid = Files.readString(node.pidFile()).strip();
    long writesBefore = churn.ackedWrites();
    long start = System.nanoTime();
    LatencyReport polls;
    Swarmsnap.Run run;
    try {
      // Listed after protect(): what it lists stays until release(), but for the load's own
      // configs created since (they may go during the backup), which are left out.
      Set<String> kept = churn.protect();
      before = SwarmObjects.listed(api).without(n -> churn.owns(n) && !kept.contains(n));
      ApiPoller poller = ApiPoller.start(api, POLL_EVERY);
      try {
        // a file name of our own: archive names go by the second, and two rounds can share one
        run = RestoreLab.swarmsnap(node, runDir, Map.of(), "backup", "--hot", "--output",
            archives().resolve(label + "-" + number + ".swarmsnap").toString(), "--json");
      } finally {
        polls = poller.stop();
      }
    } finally {
      churn.release();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long writes = churn.ackedWrites() - writesBefore;
    Path archive = null;
    int attempts = 0;
    if (run.code() != 0) {
      problems.add("backup --hot exited " + run.code() + ": " + run.err().strip());
    } else {
      archive = Path.of(run.json().path("archive").asText());
      attempts = run.json().path("copyAttempts").asInt();
      if (!run.err().contains("running at low priority (nice 19, best-effort I/O 7)")) {
        problems.add("a hot backup did not lower its own priority by default: " + run.err().strip());
      }
      if (!run.json().path("mode").asText().equals("hot") || run.json().path("downtimeMillis").asLong() != 0) {
        problems.add("not a hot backup: mode " + run.json().path("mode") + ", downtime "
            + run.json().path("downtimeMillis") + " ms");
      }
      Swarmsnap.Run verify = Swarmsnap.on(node, "verify", archive.toString());
      if (verify.code() != 0) {
        problems.add("verify exited " + verify.code() + ": " + String.join(" / ",
            (verify.out() + verify.err()).lines().filter(l -> l.contains("FAIL")).toList()));
      }
      Swarmsnap.Run inspect = Swarmsnap.on(node, "inspect", archive.toString(), "--json");
      List<String> missing = inspect.code() == 0
          ? before.missingFrom(SwarmObjects.inspected(inspect.json())) : List.of("inspect: " + inspect.err().strip());
      if (!missing.isEmpty()) {
        problems.add("not in the archive: " + missing);
      }
    }
    String pidAfter = Files.readString(node.pidFile()).strip();
    if (!pidAfter.equals(pid)) {
      problems.add("engine pid " + pid + " became " + pidAfter);
    }
    if (!polls.failures().isEmpty()) {
      problems.add("the API failed " + polls.failures().size() + " of " + polls.polls() + " polls");
    }
    if (writes == 0) {
      problems.add("no write of the load was acknowledged while the backup ran");
    }
    String figures = String.format(Locale.ROOT, "%.1f s, copy tries %d, %d objects before, %d writes (%.1f/s), API %s",
        seconds, attempts, before.count(), writes, writes / seconds, polls.summary());
    return new Round(label, number, archive, before, problems, figures);
  }

  private static Path archives() throws Exception {
    String kept = System.getProperty("swarmsnap.hot.archives", "");
    return kept.isBlank() ? tempArchives : Files.createDirectories(Path.of(kept));
  }
}
