package dev.swarmsnap.core.restore;

import dev.swarmsnap.core.replace.NodeStartConfig;
import dev.swarmsnap.core.replace.NewUnlockKeyDestination;
import dev.swarmsnap.core.replace.RestorePlan;
import dev.swarmsnap.core.replace.RaftAddresses;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.archive.manifest.EngineFacts;
import dev.swarmsnap.archive.manifest.Manifest;
import dev.swarmsnap.archive.manifest.ManifestFixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RestorePlannerTest {
  private final RestorePlanner planner = new RestorePlanner();

  private static RestoreFacts facts(Optional<String> running, String advertise, Optional<NewUnlockKeyDestination> newKey) {
    return facts(running.map(TargetEngine.Version::running)
        .orElse(new TargetEngine.Version(Optional.of("20.10.24"), "'dockerd --version'", false, false)), advertise, newKey);
  }

  private static RestoreFacts facts(TargetEngine.Version engine, String advertise, Optional<NewUnlockKeyDestination> newKey) {
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
        .contains("swarm-node.key").contains("only manager, at 192.0.2.2:2377")
        .contains("mgr-2").contains("/root/new.key");
    assertThat(String.join("\n", plan.steps())).doesNotContain("swarm init --force-new-cluster --advertise-addr");
    assertThat(indexOf(plan.steps(), "only manager")).isLessThan(indexOf(plan.steps(), "rename the verified extraction"));
  }

  @Test
  void plan_stoppedEngine_sameVersionCheckAsARunningOne() {
    TargetEngine.Version stopped = new TargetEngine.Version(Optional.of("28.5.2+dfsg4"), "'dockerd --version'", false, false);

    RestorePlan whenStopped = planner.plan(facts(stopped, "192.0.2.2", FILE));
    RestorePlan whenRunning = planner.plan(facts(Optional.of("28.5.2+dfsg4"), "192.0.2.2", FILE));

    assertThat(whenStopped.warnings()).singleElement().asString().contains("newer major");
    assertThat(whenStopped.warnings()).isEqualTo(whenRunning.warnings());
    assertThat(whenStopped.steps()).first().asString().startsWith("the engine is stopped already");
  }

  @Test
  void plan_stoppedOlderEngine_refusedBeforeAnythingStarts() {
    TargetEngine.Version stopped = new TargetEngine.Version(Optional.of("20.10.24+dfsg1"), "'dockerd --version'", false, false);
    RestoreFacts facts = new RestoreFacts(Path.of("/b/a.swarmsnap"), ManifestFixtures.manifest(List.of()), stopped, "pid",
        Path.of("/var/lib/docker/swarm"), true, Path.of("/var/lib/docker/swarm.before-restore-x"),
        Path.of("/var/lib/docker/.swarmsnap-restore-x"), "192.0.2.2", "0.0.0.0:2377", "192.0.2.2:2377",
        List.of("mgr-2"), 10L << 30, FILE);

    RestorePlan plan = planner.plan(withBackupEngine(facts, "28.5.2+dfsg4"));

    assertThat(plan.refusals()).singleElement().asString().contains("older").contains("'dockerd --version'");
  }

  private static RestoreFacts withBackupEngine(RestoreFacts f, String version) {
    Manifest m = f.manifest();
    Manifest newer = new Manifest(m.formatVersion(), m.toolVersion(), m.createdAt(),
        new EngineFacts(version, "1.51", "linux", "amd64"), m.node(), m.managers(), m.raft(), m.lock(),
        m.engineDowntimeMillis(), m.files());
    return new RestoreFacts(f.archive(), newer, f.engine(), f.engineControl(), f.swarmDir(), f.swarmDirExists(),
        f.aside(), f.staging(), f.advertiseAddr(), f.listenAddr(), f.backupRaftAddr(), f.staleManagers(),
        f.freeBytes(), f.newKey());
  }



  @Test
  void plan_stoppedEngineOfUnknownVersion_refusedUnlessSkipped() {
    TargetEngine.Version unknown = new TargetEngine.Version(Optional.empty(), "'dockerd --version'", false, false);
    TargetEngine.Version skipped = new TargetEngine.Version(Optional.empty(), "'dockerd --version'", false, true);

    assertThat(planner.plan(facts(unknown, "192.0.2.2", FILE)).refusals()).singleElement().asString()
        .contains("unknown").contains("--dockerd").contains("--skip-engine-version-check");
    RestorePlan plan = planner.plan(facts(skipped, "192.0.2.2", FILE));
    assertThat(plan.refused()).isFalse();
    assertThat(plan.warnings()).singleElement().asString().contains("unknown");
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
  void plan_otherAddress_movesTheRaftAddressOfflineBeforeTheStart() {
    RestorePlan plan = planner.plan(facts(Optional.empty(), "198.51.100.7", FILE));

    assertThat(plan.otherAddress()).isTrue();
    assertThat(plan.refused()).isFalse();
    assertThat(plan.warnings()).isEmpty();
    assertThat(plan.checks()).anySatisfy(c -> assertThat(c).contains("192.0.2.2:2377").contains("198.51.100.7:2377"));
    int move = indexOf(plan.steps(), "only manager");
    assertThat(move).isPositive().isLessThan(indexOf(plan.steps(), "rename the verified extraction"));
    assertThat(plan.steps().get(move)).contains("198.51.100.7:2377").contains("moved from 192.0.2.2:2377")
        .contains("docker-state.json");
  }

  @Test
  void plan_otherAddressWithAPort_keepsThatPort() {
    RestoreFacts facts = facts(Optional.empty(), "198.51.100.7:4567", FILE);

    assertThat(RestorePlanner.newRaftAddr(facts)).isEqualTo("198.51.100.7:4567");
  }

  @Test
  void plan_otherAddressThatIsNoIp_refused() {
    RestorePlan plan = planner.plan(facts(Optional.empty(), "eth1", FILE));

    assertThat(plan.refusals()).singleElement().asString().contains("not an IP address");
  }

  @Test
  void listenOn_movesAListenAddressBoundToTheOldIpAndKeepsAWildcard() {
    assertThat(new NodeStartConfig("192.0.2.2:2377", Optional.empty()).listenOn("192.0.2.2", "198.51.100.7"))
        .isEqualTo("198.51.100.7:2377");
    assertThat(new NodeStartConfig("0.0.0.0:2377", Optional.empty()).listenOn("192.0.2.2", "198.51.100.7"))
        .isEqualTo("0.0.0.0:2377");
  }

  @Test
  void ipLiterals() {
    assertThat(RaftAddresses.isIpLiteral("10.231.1.40")).isTrue();
    assertThat(RaftAddresses.isIpLiteral("fd00::1")).isTrue();
    assertThat(RaftAddresses.isIpLiteral("eth0")).isFalse();
    assertThat(RaftAddresses.isIpLiteral("host.example")).isFalse();
    assertThat(RaftAddresses.isIpLiteral("300.1.1.1")).isFalse();
  }

  private static int indexOf(List<String> steps, String part) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).contains(part)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void host_stripsPortAndBrackets() {
    assertThat(RestorePlanner.host("10.0.0.1:2377")).isEqualTo("10.0.0.1");
    assertThat(RestorePlanner.host("10.0.0.1")).isEqualTo("10.0.0.1");
    assertThat(RestorePlanner.host("[fd00::1]:2377")).isEqualTo("fd00::1");
  }
}
