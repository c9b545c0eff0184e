package dev.swarmsnap.cli.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.lab.CommandResult;
import dev.swarmsnap.lab.Lab;
import dev.swarmsnap.lab.LabNode;
import dev.swarmsnap.lab.LabSwarm;
import dev.swarmsnap.testing.Await;
import dev.swarmsnap.testing.PrometheusText;
import dev.swarmsnap.testing.Swarmsnap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backup --scheduled} fired on every manager of a 3-manager swarm at once, as the installed
 * timer does: exactly one manager backs up, a follower; with it stopped, the next run is taken by
 * another. The designated node is worked out here from {@code docker} output, not by swarmsnap.
 */
@LabSwarm(managers = 3, workers = 0, sampleObjects = true)
@Timeout(900)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScheduledBackupIT {
  private static String firstDesignated;

  @TempDir static Path work;

  /** One manager's run: its own output dir, run dir, metrics file, hook file and log. */
  private record NodeRun(LabNode node, Path out, Path metrics, Path hookEnv, Path log, Process process) {}

  @Test
  @Order(1)
  void firedOnEveryManagerAtOnceExactlyOneFollowerBacksUp(Lab lab) throws Exception {
    String leader = lab.leader();
    Map<String, String> ids = nodeIds(lab);
    String expected = lowestFollower(ids, leader);
    Instant before = Instant.now();

    List<NodeRun> runs = fire(lab, managers(lab), "round1");

    for (NodeRun run : runs) {
      assertThat(run.process().exitValue()).as(run.node().name() + ": " + Files.readString(run.log())).isZero();
    }
    List<Path> archives = archives(runs);
    assertThat(archives).as("exactly one backup across the managers").hasSize(1);
    NodeRun taker = runs.stream().filter(r -> !BackupArchives.in(r.out()).isEmpty()).findFirst().orElseThrow();
    assertThat(taker.node().name()).as("the backup was taken by the follower with the lowest node ID")
        .isEqualTo(expected).isNotEqualTo(leader);
    assertThat(BackupArchives.verify(archives.get(0)).intact()).isTrue();
    for (NodeRun other : runs) {
      if (other != taker) {
        assertThat(Files.readString(other.log())).contains("scheduled backup skipped here")
            .contains(taker.node().hostname());
      }
    }

    List<PrometheusText.Sample> metrics = parse(taker.metrics());
    assertThat(PrometheusText.value(metrics, "swarmsnap_last_result", "result", "success")).contains(1.0);
    assertThat(PrometheusText.value(metrics, "swarmsnap_archive_size_bytes")).contains((double) Files.size(archives.get(0)));
    assertThat(PrometheusText.value(metrics, "swarmsnap_last_success_timestamp_seconds")).hasValueSatisfying(t ->
        assertThat(t).isBetween(before.getEpochSecond() - 1.0, Instant.now().getEpochSecond() + 1.0));
    assertThat(PrometheusText.value(metrics, "swarmsnap_engine_downtime_seconds")).hasValueSatisfying(
        d -> assertThat(d).isPositive());
    assertThat(PrometheusText.value(metrics, "swarmsnap_objects", "kind", "services")).hasValueSatisfying(
        n -> assertThat(n).isPositive());
    assertThat(PrometheusText.value(metrics, "swarmsnap_objects", "kind", "nodes")).contains(3.0);
    assertThat(PrometheusText.value(metrics, "swarmsnap_verify_ok")).contains(1.0);
    assertThat(PrometheusText.value(metrics, "swarmsnap_certificate_expiry_days")).hasValueSatisfying(
        d -> assertThat(d).isBetween(1.0, 91.0));
    Properties hook = properties(taker.hookEnv());
    assertThat(hook).containsEntry("SWARMSNAP_RESULT", "success").containsEntry("SWARMSNAP_EXIT_CODE", "0")
        .containsEntry("SWARMSNAP_ARCHIVE", archives.get(0).toString())
        .containsEntry("SWARMSNAP_NODE_ID", ids.get(taker.node().name()))
        .containsEntry("SWARMSNAP_ARCHIVE_BYTES", Long.toString(Files.size(archives.get(0))));
    for (NodeRun other : runs) {
      if (other != taker) {
        assertThat(properties(other.hookEnv())).containsEntry("SWARMSNAP_RESULT", "skipped");
        assertThat(PrometheusText.value(parse(other.metrics()), "swarmsnap_last_result", "result", "skipped")).contains(1.0);
      }
    }
    firstDesignated = taker.node().name();
    assertThat(BackupIT.isReachableManager(lab, lab.node(lab.leader()), taker.node())).isTrue();
  }

  @Test
  @Order(2)
  void withTheDesignatedFollowerStoppedAnotherManagerTakesTheNextRun(Lab lab) throws Exception {
    LabNode stopped = lab.node(firstDesignated != null ? firstDesignated : lowestFollower(nodeIds(lab), lab.leader()));
    String leader = lab.leader();
    lab.stop(stopped.name());
    try {
      assertThat(Await.until(Duration.ofSeconds(60),
          () -> BackupIT.reachability(lab, lab.node(leader), stopped).startsWith("unreachable")))
          .as("the leader sees " + stopped.name() + " unreachable").isTrue();
      List<LabNode> running = managers(lab).stream().filter(n -> !n.name().equals(stopped.name())).toList();

      // With one of three managers down, backing up another costs the quorum while it is stopped:
      // the schedule accepts that outage explicitly.
      List<NodeRun> runs = fire(lab, running, "round2", "--accept-outage", "--takeover-delay", "15");

      for (NodeRun run : runs) {
        assertThat(run.process().exitValue()).as(run.node().name() + ": " + Files.readString(run.log())).isZero();
      }
      List<Path> archives = archives(runs);
      assertThat(archives).as("exactly one backup").hasSize(1);
      NodeRun taker = runs.stream().filter(r -> !BackupArchives.in(r.out()).isEmpty()).findFirst().orElseThrow();
      assertThat(taker.node().name()).as("the reachable follower took over").isNotEqualTo(leader)
          .isNotEqualTo(stopped.name());
      assertThat(Files.readString(taker.log())).contains("passed over").contains(stopped.hostname());
      assertThat(properties(taker.hookEnv())).containsEntry("SWARMSNAP_RESULT", "success");
    } finally {
      lab.start(stopped.name());
    }
    assertThat(Await.until(Duration.ofSeconds(90), () -> lab.findLeader().isPresent())).isTrue();
    assertThat(BackupIT.isReachableManager(lab, lab.node(lab.leader()), stopped)).isTrue();
  }

  /** Starts {@code backup --scheduled} on every node at once and waits for all of them. */
  private static List<NodeRun> fire(Lab lab, List<LabNode> nodes, String round, String... extra) throws Exception {
    List<NodeRun> runs = new ArrayList<>();
    for (LabNode node : nodes) {
      Path dir = Files.createDirectories(work.resolve(round).resolve(node.name()));
      Path out = Files.createDirectories(dir.resolve("out"));
      Path runDir = Files.createDirectories(dir.resolve("run"));
      Path metrics = dir.resolve("swarmsnap.prom");
      Path hookEnv = dir.resolve("hook.env");
      Path log = dir.resolve("log");
      List<String> args = new ArrayList<>(List.of("backup", "--scheduled", "--output", out.toString(),
          "--metrics-file", metrics.toString(), "--hook-post", "env | grep '^SWARMSNAP_' > " + hookEnv));
      args.addAll(List.of(extra));
      Process process = Swarmsnap.spawn(node, Map.of("SWARMSNAP_RUN_DIR", runDir.toString()), log, args.toArray(String[]::new));
      runs.add(new NodeRun(node, out, metrics, hookEnv, log, process));
    }
    for (NodeRun run : runs) {
      if (!run.process().waitFor(6, TimeUnit.MINUTES)) {
        run.process().destroyForcibly();
        throw new AssertionError(run.node().name() + " did not finish: " + Files.readString(run.log()));
      }
    }
    return runs;
  }

  private static List<LabNode> managers(Lab lab) {
    return lab.nodes().stream().filter(LabNode::isManager).sorted(Comparator.comparing(LabNode::name)).toList();
  }

  /** Node name to swarm node ID, as each engine reports its own. */
  private static Map<String, String> nodeIds(Lab lab) {
    Map<String, String> ids = new LinkedHashMap<>();
    for (LabNode node : managers(lab)) {
      CommandResult info = lab.docker(node.name(), Duration.ofSeconds(20), "info", "--format", "{{.Swarm.NodeID}}");
      assertThat(info.ok()).as(info.reason()).isTrue();
      ids.put(node.name(), info.stdout().strip());
    }
    return ids;
  }

  private static String lowestFollower(Map<String, String> ids, String leader) {
    return ids.entrySet().stream().filter(e -> !e.getKey().equals(leader))
        .min(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }

  private static List<Path> archives(List<NodeRun> runs) {
    return runs.stream().flatMap(r -> BackupArchives.in(r.out()).stream()).toList();
  }

  private static List<PrometheusText.Sample> parse(Path metrics) {
    PrometheusText.assumeParser();
    return PrometheusText.parse(metrics);
  }

  private static Properties properties(Path file) throws Exception {
    Properties properties = new Properties();
    try (var in = Files.newBufferedReader(file)) {
      properties.load(in);
    }
    return properties;
  }
}
