package dev.swarmsnap.cli.outage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.cli.outage.KillPoints.Killed;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.lab.Lab;
import dev.swarmsnap.lab.LabNode;
import dev.swarmsnap.lab.LabSwarm;
import dev.swarmsnap.testing.Swarmsnap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * SIGKILL of {@code recover} on the survivor of a 3-manager swarm that lost two managers: while it
 * copies the swarm directory to its working copy, before, between and after the two renames of the swarm directory and while the engine starts. The lost
 * quorum outlives each case (the engine comes back on the same state), so one lab serves them all.
 */
@LabSwarm(managers = 3, workers = 0)
@Timeout(900)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KillDuringRecoverIT {
  private static final int MAX_DOWNTIME = 60;

  private static KillPoints kill;
  private static LabNode survivor;
  private static long startedAt;

  @BeforeAll
  static void twoOfThreeManagersAreLost(Lab lab) throws Exception {
    startedAt = System.nanoTime();
    String leader = lab.leader();
    survivor = lab.nodes().stream().filter(n -> n.isManager() && !n.name().equals(leader)).findFirst().orElseThrow();
    lab.nodes().stream().filter(n -> !n.name().equals(survivor.name())).forEach(n -> lab.kill(n.name()));
    kill = new KillPoints(Files.createTempDirectory("kill-recover-it"), survivor, Duration.ofSeconds(MAX_DOWNTIME + 60));
  }

  @AfterAll
  static void runtime() {
    System.out.printf("KillDuringRecoverIT: %d s for all cases%n", (System.nanoTime() - startedAt) / 1_000_000_000L);
  }

  @ParameterizedTest
  @ValueSource(strings = {"copying", "swap-aside", "swap-in", "swapped"})
  @Order(1)
  void killedDuringTheSwapTheWatchdogPutsTheOriginalBack(String phase) throws Exception {
    Path swarm = survivor.swarmDir();
    Killed killed = kill.killAt(phase,
        () -> kill.treeHash(phase.equals("copying") || phase.equals("swap-aside") ? swarm : kill.sibling(".before-recover-")),
        recover());

    assertThat(killed.answered()).as(killed.log()).isTrue();
    assertThat(killed.atPause()).contains("swarm-node.key");
    assertThat(killed.startedOn()).as(killed.watchdogLog()).contains(killed.atPause());
    assertThat(kill.siblings("swarm.", ".swarmsnap-")).as("no journal, nothing aside, no working copy")
        .allMatch(p -> p.getFileName().toString().contains(".failed-recover-"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"starting", "force-new-cluster"})
  @Order(2)
  void killedWhileTheEngineStartsOnTheWorkingCopyItRunsThereAndTheNextRunRefuses(String phase) throws Exception {
    Path swarm = survivor.swarmDir();
    Killed killed = kill.killAt(phase, () -> kill.treeHash(kill.sibling(".before-recover-")), recover());

    assertThat(killed.answered()).as(killed.log()).isTrue();
    assertThat(killed.startedOn()).as("the working copy is a full copy").contains(killed.atPause());
    Path journal = swarm.resolveSibling("swarm.swarmsnap-swap");
    assertThat(journal).exists();
    Swarmsnap.Run next = Swarmsnap.run(kill.inProcess(), recover());
    assertThat(next.code()).isEqualTo(ExitCode.UNSAFE.code());
    assertThat(next.err()).contains("an interrupted recover").contains("remove " + journal);
    Files.delete(journal);
    // the engine runs on the full working copy: the original set aside goes, so the next case finds one
    try (java.util.stream.Stream<Path> tree = Files.walk(kill.sibling(".before-recover-"))) {
      tree.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static String[] recover() {
    return new String[] {"recover", "--yes", "--settle", "1", "--max-downtime", Integer.toString(MAX_DOWNTIME)};
  }
}
