package dev.swarmsnap.cli.restore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.lab.CommandResult;
import dev.swarmsnap.lab.Lab;
import dev.swarmsnap.lab.LabNode;
import dev.swarmsnap.lab.LabSwarm;
import dev.swarmsnap.testing.Await;
import dev.swarmsnap.testing.Swarmsnap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Total loss, restored on a new host with another IP: a 3-manager swarm with services, secrets,
 * configs and networks is backed up, every manager is wiped, and the backup is restored on a fresh
 * node of the lab's /24 with a new address. The restored manager must advertise the new address in
 * its raft membership (ManagerStatus.Addr), and two fresh managers must join through it. Before
 * that, the same fresh node refuses an archive written by a newer engine without touching anything.
 */
@LabSwarm(managers = 3, workers = 0)
@Timeout(900)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestoreOtherAddressIT {
  @TempDir static Path runDir;
  @TempDir static Path backups;
  static Path archive;
  static String backedUp;
  static String backedUpAddress;
  static String freshNode;

  @Test
  @Order(1)
  void aFollowerIsBackedUpAndAFreshHostWithAnotherIpIsReady(Lab lab) {
    String leader = lab.leader();
    LabNode follower = RestoreIT.managers(lab).stream().filter(n -> !n.name().equals(leader)).findFirst().orElseThrow();
    backedUp = follower.name();
    backedUpAddress = follower.address();
    Swarmsnap.Run run = RestoreLab.swarmsnap(follower, runDir, Map.of(), "backup", "--output", backups.toString(), "--json");
    assertThat(run.code()).as(run.err()).isZero();
    archive = Path.of(run.json().path("archive").asText());

    // a new host: joined for the lab's sake, then out of the swarm again, engine running
    LabNode fresh = lab.addNode(LabNode.Role.WORKER);
    freshNode = fresh.name();
    CommandResult leave = lab.docker(fresh.name(), Duration.ofSeconds(60), "swarm", "leave", "--force");
    assertThat(leave.ok()).as(leave.reason()).isTrue();
    assertThat(fresh.address()).isNotEqualTo(backedUpAddress);
  }

  @Test
  @Order(2)
  void anArchiveOfANewerEngineIsRefusedBeforeAnythingIsTouched(Lab lab, @TempDir Path scratch) throws Exception {
    LabNode fresh = lab.node(freshNode);
    Path newer = RestoreLab.withEngineVersion(archive, "99.0.1", scratch);
    Map<String, String> before = RestoreLab.treeHashes(fresh.swarmDir());
    String pid = Files.readString(fresh.pidFile()).trim();

    Swarmsnap.Run run = RestoreLab.swarmsnap(fresh, runDir, Map.of(), "restore", newer.toString(),
        "--advertise-addr", fresh.address(), "--yes");

    assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.UNSAFE.code());
    assertThat(run.err()).contains("older than").contains("99.0.1").contains("20.10.24")
        .doesNotContain("stopping the engine").doesNotContain("Exception");
    assertThat(RestoreLab.treeHashes(fresh.swarmDir())).isEqualTo(before);
    assertThat(RestoreLab.siblings(fresh.swarmDir(), ".")).isEmpty();
    assertThat(RestoreLab.siblings(fresh.swarmDir().resolveSibling(".swarmsnap-restore-"), "")).isEmpty();
    assertThat(lab.running(fresh.name())).isTrue();
    assertThat(Files.readString(fresh.pidFile()).trim()).as("the engine was never restarted").isEqualTo(pid);
    assertThat(lab.docker(fresh.name(), Duration.ofSeconds(10), "info", "--format", "{{.Swarm.LocalNodeState}}")
        .stdout().trim()).isEqualTo("inactive");
  }

  @Test
  @Order(3)
  void afterLosingEveryManagerTheBackupComesBackOnTheNewIpAndAdvertisesIt(Lab lab, @TempDir Path scratch)
      throws Exception {
    for (LabNode manager : RestoreIT.managers(lab)) {
      lab.stop(manager.name());
      lab.wipe(manager.name());
    }
    LabNode fresh = lab.node(freshNode);

    Swarmsnap.Run run = RestoreLab.swarmsnap(fresh, runDir, Map.of(), "restore", archive.toString(),
        "--advertise-addr", fresh.address(), "--yes", "--json");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.json().path("plan").path("otherAddress").asBoolean()).isTrue();
    assertThat(run.json().path("stepsDone").toString()).contains("raft address moved from " + backedUpAddress);
    assertThat(RestoreLab.inspect(lab, fresh, "self", "{{.ManagerStatus.Leader}} {{.Status.State}} {{.ManagerStatus.Addr}}"))
        .isEqualTo("true ready " + fresh.address() + ":2377");
    CommandResult info = lab.docker(fresh.name(), Duration.ofSeconds(10), "info", "--format",
        "{{.Swarm.NodeAddr}} {{range .Swarm.RemoteManagers}}{{.Addr}}{{end}}");
    assertThat(info.stdout().trim()).isEqualTo(fresh.address() + " " + fresh.address() + ":2377");
    List<String> names = List.copyOf(RestoreLab.liveIds(lab, fresh, "service", "ls", "--format", "{{.Name}}"));
    String[] inspect = Stream.concat(Stream.of("service", "inspect", "--format", "{{.ID}}"), names.stream())
        .toArray(String[]::new);
    assertThat(RestoreLab.liveIds(lab, fresh, inspect))
        .containsAll(RestoreLab.archivedIds(archive, scratch, "services")).isNotEmpty();
    assertThat(RestoreLab.liveIds(lab, fresh, "secret", "ls", "--format", "{{.ID}}"))
        .containsAll(RestoreLab.archivedIds(archive, scratch, "secrets")).isNotEmpty();
    assertThat(RestoreLab.liveIds(lab, fresh, "config", "ls", "--format", "{{.ID}}"))
        .containsAll(RestoreLab.archivedIds(archive, scratch, "configs")).isNotEmpty();
    assertThat(RestoreLab.liveIds(lab, fresh, "network", "ls", "--no-trunc", "--filter", "scope=swarm", "--format", "{{.ID}}"))
        .containsAll(RestoreLab.archivedIds(archive, scratch, "networks")).isNotEmpty();
  }

  @Test
  @Order(4)
  void twoFreshManagersJoinThroughTheNewAddress(Lab lab) {
    LabNode restored = lab.node(freshNode);
    // the wiped managers other than the one whose old address the backup carried
    List<LabNode> joiners = RestoreIT.managers(lab).stream().filter(n -> !n.name().equals(backedUp)).toList();
    RestoreLab.joinAsManagers(lab, restored, joiners, restored.address() + ":2377");

    assertThat(Await.until(Duration.ofSeconds(90), () -> RestoreLab.threeReachableManagers(lab, restored)))
        .as("3 reachable managers: " + RestoreLab.managerStatuses(lab, restored)).isTrue();
    assertThat(RestoreLab.inspect(lab, restored, "self", "{{.ManagerStatus.Addr}}")).isEqualTo(restored.address() + ":2377");
    for (LabNode joiner : joiners) {
      assertThat(RestoreLab.inspect(lab, restored, joiner.hostname(), "{{.ManagerStatus.Addr}}"))
          .isEqualTo(joiner.address() + ":2377");
    }
    CommandResult write = lab.dockerWithStdin(joiners.get(0).name(), Duration.ofSeconds(30), "v1",
        "config", "create", "after_restore", "-");
    assertThat(write.ok()).as("the cluster takes writes through a joined manager: " + write.reason()).isTrue();
  }
}
