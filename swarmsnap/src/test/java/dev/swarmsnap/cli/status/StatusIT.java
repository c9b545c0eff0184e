package dev.swarmsnap.cli.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.lab.Lab;
import dev.swarmsnap.lab.LabNode;
import dev.swarmsnap.lab.LabSwarm;
import dev.swarmsnap.testing.Swarmsnap;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/** {@code swarmsnap status} on every kind of node of a real 3-manager + 1-worker swarm. */
@LabSwarm(managers = 3, workers = 1)
@Timeout(300)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatusIT {

  @Test
  @Order(1)
  void theLeaderIsNotSafeAndNamesAFollower(Lab lab) {
    LabNode leader = lab.node(lab.leader());
    Swarmsnap.Run run = Swarmsnap.on(leader, "status", "--json");

    assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.UNSAFE.code());
    JsonNode json = run.json();
    assertThat(json.path("leader").asBoolean()).isTrue();
    assertThat(json.path("safety").path("verdict").asText()).isEqualTo("UNSAFE");
    assertThat(json.path("safety").path("concerns").toString()).contains("LEADER");
    List<String> followers = lab.nodes().stream()
        .filter(n -> n.role() == LabNode.Role.MANAGER && !n.name().equals(leader.name()))
        .map(LabNode::hostname).toList();
    assertThat(json.path("safety").path("suggestedNode").asText()).isIn(followers);
  }

  @Test
  @Order(2)
  void aFollowerIsSafeWithOneManagerToSpare(Lab lab) {
    Swarmsnap.Run run = Swarmsnap.on(follower(lab, 0), "status", "--json");

    assertThat(run.code()).as(run.err()).isZero();
    JsonNode json = run.json();
    assertThat(json.path("role").asText()).isEqualTo("manager");
    assertThat(json.path("leader").asBoolean()).isFalse();
    assertThat(json.path("quorum").path("managers").asInt()).isEqualTo(3);
    assertThat(json.path("quorum").path("reachable").asInt()).isEqualTo(3);
    assertThat(json.path("quorum").path("canLose").asInt()).isEqualTo(1);
    assertThat(json.path("safety").path("verdict").asText()).isEqualTo("SAFE");
    assertThat(json.path("swarmDirectory").path("realDataBytes").asLong()).isPositive();
    assertThat(json.path("swarmDirectory").path("nodeCertificateExpiry").asText()).isNotBlank();
  }

  @Test
  @Order(3)
  void theHumanOutputGivesTheVerdict(Lab lab) {
    Swarmsnap.Run run = Swarmsnap.on(follower(lab, 0), "status");

    assertThat(run.out()).contains("SAFE to take a cold backup here now").contains("3 of 3 reachable");
  }

  @Test
  @Order(4)
  void aWorkerIsNotAManager(Lab lab) {
    LabNode worker = lab.nodes().stream().filter(n -> n.role() == LabNode.Role.WORKER).findFirst().orElseThrow();
    Swarmsnap.Run run = Swarmsnap.on(worker, "status", "--json");

    assertThat(run.code()).isEqualTo(ExitCode.UNSAFE.code());
    assertThat(run.json().path("role").asText()).isEqualTo("worker");
    assertThat(run.json().path("safety").path("reasons").toString()).contains("not a manager");
  }

  @Test
  @Order(5)
  void withOneFollowerStoppedTheOtherWouldLoseQuorum(Lab lab) throws Exception {
    LabNode stopped = follower(lab, 0);
    LabNode other = follower(lab, 1);
    lab.stop(stopped.name());
    try {
      Swarmsnap.Run run = awaitReachable(other, 2);

      assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.UNSAFE.code());
      assertThat(run.json().path("safety").path("concerns").toString()).contains("QUORUM_LOSS");
      assertThat(run.json().path("quorum").path("canLose").asInt()).isZero();
    } finally {
      lab.start(stopped.name());
    }
  }

  private static LabNode follower(Lab lab, int index) {
    String leader = lab.leader();
    return lab.nodes().stream()
        .filter(n -> n.role() == LabNode.Role.MANAGER && !n.name().equals(leader))
        .sorted(java.util.Comparator.comparing(LabNode::name))
        .toList()
        .get(index);
  }

  /** The leader notices a stopped manager within a fraction of a second (docs/engine-behaviour.md §3); wait for that. */
  private static Swarmsnap.Run awaitReachable(LabNode node, int reachable) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    Swarmsnap.Run run;
    do {
      run = Swarmsnap.on(node, "status", "--json");
      if (run.json().path("quorum").path("reachable").asInt() == reachable) {
        return run;
      }
      Thread.sleep(100);
    } while (System.nanoTime() < deadline);
    return run;
  }
}
