package dev.swarmsnap.core.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class HotBackupSafetyTest {

  @Test
  void theLeaderASingleManagerAndAThinQuorumAreSafeForAHotBackup() {
    for (Concern coldOnly : List.of(Concern.LEADER, Concern.SINGLE_MANAGER, Concern.QUORUM_LOSS)) {
      HotBackupSafety hot = HotBackupSafety.of(cold(coldOnly, "a reason for the cold verdict"));

      assertThat(hot.safe()).as(coldOnly.name()).isTrue();
      assertThat(hot.reason()).startsWith("hot backup: safe anywhere");
    }
  }

  @Test
  void aWorkerALockedNodeAndASwarmWithoutLeaderAreNot() {
    for (Concern blocking : List.of(Concern.WORKER, Concern.LOCKED, Concern.NO_QUORUM, Concern.NOT_IN_SWARM)) {
      HotBackupSafety hot = HotBackupSafety.of(cold(blocking, "the swarm has no leader"));

      assertThat(hot.safe()).as(blocking.name()).isFalse();
      assertThat(hot.reason()).contains("the swarm has no leader");
    }
  }

  private static Safety cold(Concern concern, String reason) {
    return new Safety(Verdict.UNSAFE, Set.of(concern), List.of(reason), Optional.empty(), Optional.empty());
  }
}
