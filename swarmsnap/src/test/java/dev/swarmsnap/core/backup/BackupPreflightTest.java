package dev.swarmsnap.core.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmsnap.core.status.Concern;
import dev.swarmsnap.core.status.Safety;
import dev.swarmsnap.core.status.Verdict;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackupPreflightTest {
  private final BackupPreflight preflight = new BackupPreflight();

  @Test
  void safeFollowerGoesAhead() {
    Preflight result = preflight.check(safety(Verdict.SAFE), options(false, false, false));
    assertThat(result.outage()).isFalse();
    assertThat(result.needsConfirmation()).isFalse();
  }

  @Test
  void leaderIsRefusedWithTheFollowerInTheHint() {
    Safety leader = new Safety(Verdict.UNSAFE, Set.of(Concern.LEADER), List.of("this node is the leader"),
        Optional.of("run the backup on follower lab-m2 instead"), Optional.of("lab-m2"));
    assertThatThrownBy(() -> preflight.check(leader, options(false, false, false)))
        .isInstanceOfSatisfying(SwarmsnapException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(ExitCode.UNSAFE);
          assertThat(e.hint()).get().asString().contains("lab-m2");
        });
    assertThat(preflight.check(leader, options(true, false, false)).warnings()).isNotEmpty();
  }

  @Test
  void quorumLossNeedsAcceptOutage() {
    Safety loss = safety(Verdict.UNSAFE, Concern.QUORUM_LOSS);
    assertThatThrownBy(() -> preflight.check(loss, options(false, false, true)))
        .hasMessageContaining("refusing");
    assertThat(preflight.check(loss, options(false, true, false)).outage()).isTrue();
  }

  @Test
  void singleManagerNeedsAcceptOutageWithoutATerminal() {
    Safety single = safety(Verdict.SAFE_WITH_OUTAGE, Concern.SINGLE_MANAGER);
    assertThatThrownBy(() -> preflight.check(single, options(false, false, false)))
        .isInstanceOfSatisfying(SwarmsnapException.class, e -> assertThat(e.hint()).get().asString().contains("--accept-outage"));
    assertThat(preflight.check(single, options(false, false, true)).needsConfirmation()).isTrue();
    assertThat(preflight.check(single, options(false, true, false)).needsConfirmation()).isFalse();
  }

  @Test
  void workerIsNotAManager() {
    assertThatThrownBy(() -> preflight.check(safety(Verdict.UNSAFE, Concern.WORKER), options(true, true, true)))
        .isInstanceOfSatisfying(SwarmsnapException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.NOT_A_MANAGER));
  }

  @Test
  void lockedNodeIsRefusedWhateverTheOptions() {
    assertThatThrownBy(() -> preflight.check(safety(Verdict.UNSAFE, Concern.LOCKED), options(true, true, true)))
        .isInstanceOfSatisfying(SwarmsnapException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.UNSAFE));
  }

  @Test
  void hotNeedsNoLeaderOrOutageOptionButStillALeaderAndAnUnlockedManager() {
    BackupOptions hot = new BackupOptions(false, false, false, Duration.ofMinutes(5), true);
    for (Concern coldOnly : List.of(Concern.LEADER, Concern.QUORUM_LOSS, Concern.SINGLE_MANAGER)) {
      Preflight result = preflight.check(safety(Verdict.UNSAFE, coldOnly), hot);
      assertThat(result.outage()).as(coldOnly.name()).isFalse();
      assertThat(result.needsConfirmation()).isFalse();
      assertThat(result.warnings()).isEmpty();
    }
    assertThatThrownBy(() -> preflight.check(safety(Verdict.UNSAFE, Concern.NO_QUORUM), hot))
        .isInstanceOfSatisfying(SwarmsnapException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(ExitCode.UNSAFE);
          assertThat(e.hint()).get().asString().contains("without --hot");
        });
    assertThatThrownBy(() -> preflight.check(safety(Verdict.UNSAFE, Concern.LOCKED), hot))
        .isInstanceOf(SwarmsnapException.class);
    assertThatThrownBy(() -> preflight.check(safety(Verdict.UNSAFE, Concern.WORKER), hot))
        .isInstanceOfSatisfying(SwarmsnapException.class,
            e -> assertThat(e.exitCode()).isEqualTo(ExitCode.NOT_A_MANAGER));
  }

  private static Safety safety(Verdict verdict, Concern... concerns) {
    return new Safety(verdict, Set.of(concerns), List.of("reason"), Optional.empty(), Optional.empty());
  }

  private static BackupOptions options(boolean allowLeader, boolean acceptOutage, boolean interactive) {
    return new BackupOptions(allowLeader, acceptOutage, interactive, Duration.ofMinutes(5));
  }
}
