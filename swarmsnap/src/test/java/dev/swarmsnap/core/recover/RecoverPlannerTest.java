package dev.swarmsnap.core.recover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.core.replace.NewUnlockKeyDestination;
import dev.swarmsnap.core.replace.RestorePlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecoverPlannerTest {
  private static final Path SWARM = Path.of("/var/lib/docker/swarm");

  @Test
  void aPlainRecoveryStopsCopiesSwapsAndForcesWithRollback() {
    RestorePlan plan = new RecoverPlanner().plan(facts(false, false, Optional.empty(), 1L << 40));

    assertThat(plan.refused()).isFalse();
    assertThat(String.join("\n", plan.steps()))
        .contains("stop the engine").contains("working copy").contains("swarm.before-recover-x (kept, never deleted)")
        .contains("--force-new-cluster --advertise-addr 10.0.0.2").contains("put /var/lib/docker/swarm back")
        .doesNotContain("autolock").doesNotContain("swarm-node.key");
    assertThat(plan.checks().get(0)).contains("1 of 3 managers answer");
    assertThat(plan.warnings()).singleElement().asString().contains("m1, m3").contains("docker node demote");
  }

  @Test
  void anAutolockedSwarmNeedsTheKeyAndAPlaceForTheNewOne() {
    RestorePlan plan = new RecoverPlanner().plan(facts(true, false, Optional.empty(), 1L << 40));

    assertThat(plan.refusals()).hasSize(2);
    assertThat(String.join("\n", plan.refusals())).contains("--unlock-key-file").contains("--new-unlock-key-file");
  }

  @Test
  void anAutolockedSwarmWithBothKeysRewritesTheCopyAndRelocks() {
    RestorePlan plan = new RecoverPlanner().plan(
        facts(true, true, Optional.of(new NewUnlockKeyDestination.File(Path.of("/root/new.key"))), 1L << 40));

    assertThat(plan.refused()).isFalse();
    assertThat(String.join("\n", plan.steps())).contains("swarm-node.key of the working copy unlocked")
        .contains("turn autolock back on and hand the new unlock key to file /root/new.key");
  }

  @Test
  void tooLittleDiskForTheWorkingCopyIsRefused() {
    RestorePlan plan = new RecoverPlanner().plan(facts(false, false, Optional.empty(), 1000));

    assertThat(plan.refusals()).singleElement().asString().contains("bytes are free");
  }

  private static RecoverFacts facts(boolean autolock, boolean keyGiven, Optional<NewUnlockKeyDestination> newKey, long free) {
    QuorumEvidence quorum = new QuorumEvidence("active", "rpc error: The swarm does not have a leader", "no leader",
        List.of("10.0.0.1:2377", "10.0.0.2:2377", "10.0.0.3:2377"), List.of("10.0.0.2:2377"));
    return new RecoverFacts(quorum, "pid", SWARM, SWARM.resolveSibling("swarm.before-recover-x"),
        SWARM.resolveSibling(".swarmsnap-recover-x"), "cluster1", "node2", "m2", "10.0.0.2", "0.0.0.0:2377",
        Map.of("services", 2), List.of("m1", "m3"), autolock, keyGiven, newKey, 50L << 20, free);
  }
}
