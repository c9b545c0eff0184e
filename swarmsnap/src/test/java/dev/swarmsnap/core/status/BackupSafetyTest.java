package dev.swarmsnap.core.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.engine.LocalNodeState;
import dev.swarmsnap.engine.ManagerStatus;
import dev.swarmsnap.engine.NodeRole;
import dev.swarmsnap.engine.SwarmInfo;
import dev.swarmsnap.engine.SwarmNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackupSafetyTest {
  private final BackupSafety safety = new BackupSafety();

  @Test
  void followerOfThreeHealthyManagersIsSafe() {
    Safety result = safety.evaluate(active("m2"), Optional.of(threeManagers("reachable")));
    assertThat(result.verdict()).isEqualTo(Verdict.SAFE);
    assertThat(result.reasons()).singleElement().asString().contains("leaves 2 of 3");
  }

  @Test
  void leaderWithFollowersIsUnsafeAndNamesTheLowestIdFollower() {
    Safety result = safety.evaluate(active("m1"), Optional.of(threeManagers("reachable")));
    assertThat(result.verdict()).isEqualTo(Verdict.UNSAFE);
    assertThat(result.reasons()).singleElement().asString().contains("leader");
    assertThat(result.suggestedNode()).contains("host-m2");
    assertThat(result.suggestion()).get().asString().contains("host-m2").contains("--allow-leader");
  }

  @Test
  void followerIsUnsafeWhenAnotherManagerIsAlreadyDown() {
    Safety result = safety.evaluate(active("m2"), Optional.of(threeManagers("unreachable")));
    assertThat(result.verdict()).isEqualTo(Verdict.UNSAFE);
    assertThat(result.reasons()).singleElement().asString().contains("would lose quorum: 2 of 3");
  }

  @Test
  void singleManagerMeansAnOutage() {
    Safety result = safety.evaluate(active("m1"), Optional.of(List.of(manager("m1", true, "reachable"))));
    assertThat(result.verdict()).isEqualTo(Verdict.SAFE_WITH_OUTAGE);
  }

  @Test
  void workerIsNotAManager() {
    SwarmInfo worker = info(LocalNodeState.ACTIVE, "w1", false, "");
    Safety result = safety.evaluate(worker, Optional.empty());
    assertThat(result.verdict()).isEqualTo(Verdict.UNSAFE);
    assertThat(result.reasons()).singleElement().asString().contains("worker");
  }

  @Test
  void lockedNodeIsUnsafe() {
    Safety result = safety.evaluate(info(LocalNodeState.LOCKED, "", false, "Swarm is encrypted"), Optional.empty());
    assertThat(result.verdict()).isEqualTo(Verdict.UNSAFE);
    assertThat(result.reasons()).singleElement().asString().contains("locked");
  }

  @Test
  void managerWithoutQuorumIsUnsafe() {
    SwarmInfo noLeader = info(LocalNodeState.ACTIVE, "m2", true, "The swarm does not have a leader.");
    Safety result = safety.evaluate(noLeader, Optional.empty());
    assertThat(result.verdict()).isEqualTo(Verdict.UNSAFE);
    assertThat(result.reasons()).singleElement().asString().contains("no leader");
  }

  @Test
  void staleManagerEntriesAfterForceNewClusterDoNotCount() {
    SwarmNode stale = new SwarmNode("m9", "old", NodeRole.MANAGER, "unknown", "active", "", "", Optional.empty());
    Safety result =
        safety.evaluate(active("m1"), Optional.of(List.of(manager("m1", true, "reachable"), stale)));
    assertThat(result.verdict()).isEqualTo(Verdict.SAFE_WITH_OUTAGE);
  }

  @Test
  void quorumArithmetic() {
    assertThat(new Quorum(3, 3).tolerance()).isEqualTo(1);
    assertThat(new Quorum(5, 5).tolerance()).isEqualTo(2);
    assertThat(new Quorum(5, 3).survivesStoppingOne()).isFalse();
    assertThat(new Quorum(4, 4).needed()).isEqualTo(3);
    assertThat(new Quorum(2, 2).survivesStoppingOne()).isFalse();
  }

  private static List<SwarmNode> threeManagers(String m3Reachability) {
    return List.of(
        manager("m1", true, "reachable"),
        manager("m3", false, m3Reachability),
        manager("m2", false, "reachable"),
        new SwarmNode("w1", "host-w1", NodeRole.WORKER, "ready", "active", "10.0.0.21", "20.10", Optional.empty()));
  }

  private static SwarmNode manager(String id, boolean leader, String reachability) {
    return new SwarmNode(
        id, "host-" + id, NodeRole.MANAGER, "ready", "active", "10.0.0.1", "20.10",
        Optional.of(new ManagerStatus(leader, reachability, "10.0.0.1:2377")));
  }

  private static SwarmInfo active(String self) {
    return info(LocalNodeState.ACTIVE, self, true, "");
  }

  private static SwarmInfo info(LocalNodeState state, String self, boolean control, String error) {
    return new SwarmInfo(state, self, "10.0.0.1", control, error, Optional.of("cluster"), Optional.of(false), List.of());
  }
}
