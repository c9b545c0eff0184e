package dev.swarmsnap.core.restore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.core.manifest.ManifestFixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RestorePlannerTest {
  private final RestorePlanner planner = new RestorePlanner();

  private static RestoreFacts facts(Optional<String> engine, String advertise, Optional<NewUnlockKeyDestination> newKey) {
    return new RestoreFacts(Path.of("/b/a.swarmsnap"), ManifestFixtures.manifest(List.of()), engine, "pid",
        Path.of("/var/lib/docker/swarm"), true, Path.of("/var/lib/docker/swarm.before-restore-x"),
        Path.of("/var/lib/docker/.swarmsnap-restore-x"), advertise, "0.0.0.0:2377", "192.0.2.2:2377",
        List.of("mgr-2"), 10L << 30, newKey);
  }

  private static final Optional<NewUnlockKeyDestination> FILE =
      Optional.of(new NewUnlockKeyDestination.File(Path.of("/root/new.key")));

  @Test
  void plan_sameAddress_stepsInOrderWithKeyRewriteAndRelock() {
    RestorePlan plan = planner.plan(facts(Optional.of("20.10.24+dfsg1"), "192.0.2.2", FILE));

    assertThat(plan.refused()).isFalse();
    assertThat(plan.otherAddress()).isFalse();
    assertThat(plan.steps()).first().asString().startsWith("stop the engine");
    assertThat(String.join("\n", plan.steps())).contains("aside to /var/lib/docker/swarm.before-restore-x")
        .contains("swarm-node.key").contains("--force-new-cluster --advertise-addr 192.0.2.2")
        .contains("mgr-2").contains("/root/new.key");
  }

  @Test
  void plan_olderEngine_refused() {
    RestorePlan plan = planner.plan(facts(Optional.of("20.10.5"), "192.0.2.2", FILE));

    assertThat(plan.refusals()).singleElement().asString().contains("older");
  }

  @Test
  void plan_newerMajor_warns() {
    RestorePlan plan = planner.plan(facts(Optional.of("24.0.7"), "192.0.2.2", FILE));

    assertThat(plan.refused()).isFalse();
    assertThat(plan.warnings()).singleElement().asString().contains("newer major");
  }

  @Test
  void plan_autolockWithoutNewKeyPlace_refused() {
    RestorePlan plan = planner.plan(facts(Optional.of("20.10.24"), "192.0.2.2", Optional.empty()));

    assertThat(plan.refusals()).singleElement().asString().contains("--new-unlock-key-file");
  }

  @Test
  void plan_otherAddress_warnsWithManualSteps() {
    RestorePlan plan = planner.plan(facts(Optional.empty(), "198.51.100.7", FILE));

    assertThat(plan.otherAddress()).isTrue();
    assertThat(plan.warnings()).singleElement().asString().contains("docker/for-linux#523")
        .contains("ip addr add 192.0.2.2").contains("demote");
    assertThat(plan.steps()).first().asString().contains("stopped already");
  }

  @Test
  void host_stripsPortAndBrackets() {
    assertThat(RestorePlanner.host("10.0.0.1:2377")).isEqualTo("10.0.0.1");
    assertThat(RestorePlanner.host("10.0.0.1")).isEqualTo("10.0.0.1");
    assertThat(RestorePlanner.host("[fd00::1]:2377")).isEqualTo("fd00::1");
  }
}
