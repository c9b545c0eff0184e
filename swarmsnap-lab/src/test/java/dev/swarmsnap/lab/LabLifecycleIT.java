package dev.swarmsnap.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One 3-manager + 1-worker lab for the class; each test leaves it with a leader. Needs root and docker.io. */
@Timeout(300)
@LabSwarm(managers = 3, workers = 1)
class LabLifecycleIT {
  private static final Duration T = Duration.ofSeconds(30);

  private static String state(Lab lab, String node) {
    return lab.docker(node, T, "info", "--format", "{{.Swarm.LocalNodeState}}").requireOk("docker info").stdout().strip();
  }

  @Test
  void threeManagersAndAWorkerFormOneSwarmWithTheSampleWorkload(Lab lab) {
    assertThat(lab.nodes()).extracting(LabNode::name).containsExactly("m1", "m2", "m3", "w1");
    assertThat(lab.nodes()).allSatisfy(node -> assertThat(lab.running(node.name())).isTrue());
    String leader = lab.leader();
    assertThat(leader).isIn("m1", "m2", "m3");
    String nodes = lab.docker(leader, T, "node", "ls", "--format", "{{.Hostname}} {{.Status}}").requireOk("node ls").stdout();
    assertThat(nodes.lines()).hasSize(4).allMatch(line -> line.endsWith(" Ready"));
    String services = lab.docker(leader, T, "service", "ls", "--format", "{{.Name}}").stdout();
    assertThat(services.lines()).contains(SampleWorkload.SERVICE, SampleWorkload.GLOBAL_SERVICE);
    assertThat(lab.docker(leader, T, "secret", "ls", "--format", "{{.Name}}").stdout()).contains(SampleWorkload.SECRET);
    assertThat(lab.subnet()).startsWith("10.231.");
    assertThat(lab.nodes()).allSatisfy(node -> assertThat(node.address()).startsWith("10.231."));
  }

  @Test
  void everyNodeRunsTheEngineThisRunChose(Lab lab) throws Exception {
    // The engine matrix sets the property; without it the lab runs the dockerd on PATH.
    String chosen = System.getProperty(LabExtension.DOCKERD_PROPERTY, "");
    Path expected =
        chosen.isBlank() ? Path.of(new Toolchain(LabSettings.defaults(), System.getenv("PATH")).path("dockerd")) : Path.of(chosen);
    Process process = new ProcessBuilder(expected.toString(), "--version").start();
    String version = EngineBinary.parseVersion(new String(process.getInputStream().readAllBytes())).orElseThrow();
    process.waitFor();

    assertThat(lab.dockerd()).isEqualTo(expected.toAbsolutePath().normalize());
    assertThat(lab.nodes()).allSatisfy(node -> assertThat(lab.engineVersion(node.name())).contains(version));
    // The lab state wins over another process's settings: the same binary restarts its nodes.
    assertThat(new Labs(LabSettings.defaults().withDockerd("/nonexistent/dockerd")).open(lab.name()).dockerd())
        .isEqualTo(lab.dockerd());
  }

  @Test
  void aStoppedFollowerStartsAgainAndRejoins(Lab lab) {
    String follower = lab.nodes().stream().filter(LabNode::isManager).map(LabNode::name)
        .filter(n -> !n.equals(lab.leader())).findFirst().orElseThrow();

    assertThat(lab.stop(follower)).isEqualTo(StopOutcome.STOPPED);
    assertThat(lab.running(follower)).isFalse();
    assertThat(lab.stop(follower)).isEqualTo(StopOutcome.ALREADY_STOPPED);
    lab.start(follower);

    assertThat(lab.running(follower)).isTrue();
    assertThat(state(lab, follower)).isEqualTo("active");
  }

  @Test
  void aKilledWorkerRestartsDespiteItsStalePidfile(Lab lab) {
    LabNode worker = lab.node("w1");
    assertThat(lab.kill("w1")).isTrue();
    assertThat(lab.running("w1")).isFalse();
    assertThat(worker.pidFile()).exists();

    lab.start("w1");

    assertThat(lab.running("w1")).isTrue();
    assertThat(state(lab, "w1")).isEqualTo("active");
  }

  @Test
  void anAddedNodeJoinsAndAWipedNodeComesBackWithoutSwarmState(Lab lab) {
    LabNode added = lab.addNode(LabNode.Role.WORKER);
    assertThat(added.name()).isEqualTo("w2");
    assertThat(added.address()).isEqualTo(lab.subnet().replace("0/24", "15"));
    assertThat(state(lab, "w2")).isEqualTo("active");
    assertThat(new Labs(LabSettings.defaults()).open(lab.name()).nodes()).extracting(LabNode::name).contains("w2");

    lab.wipe("w2");
    assertThat(lab.running("w2")).isFalse();
    assertThat(Files.exists(added.swarmDir())).isFalse();
    lab.start("w2");

    assertThat(state(lab, "w2")).isEqualTo("inactive");
  }

  @Test
  void anUnknownNodeIsNotFound(Lab lab) {
    assertThatThrownBy(() -> lab.stop("m9"))
        .isInstanceOfSatisfying(LabException.class, e -> {
          assertThat(e.kind()).isEqualTo(LabException.Kind.NOT_FOUND);
          assertThat(e.getMessage()).isEqualTo("lab '" + lab.name() + "' has no node 'm9'");
        });
    assertThatThrownBy(() -> new Labs(LabSettings.defaults()).open("no-such-lab"))
        .isInstanceOfSatisfying(LabException.class, e -> assertThat(e.kind()).isEqualTo(LabException.Kind.NOT_FOUND));
  }

  @Test
  void aNameInUseIsAConflict(Lab lab) {
    assertThatThrownBy(() -> new Labs(LabSettings.defaults()).up(LabSpec.of(lab.name(), 1, 0)))
        .isInstanceOfSatisfying(LabException.class, e -> assertThat(e.kind()).isEqualTo(LabException.Kind.CONFLICT));
    assertThat(lab.running("m1")).isTrue();
  }

  @Test
  void aMissingDockerdIsAMissingDependency() {
    Labs labs = new Labs(LabSettings.defaults().withDockerd("/nonexistent/dockerd"));
    String name = Leftovers.randomName("tm");
    assertThatThrownBy(() -> labs.up(LabSpec.of(name, 1, 0)))
        .isInstanceOfSatisfying(LabException.class, e -> {
          assertThat(e.kind()).isEqualTo(LabException.Kind.MISSING_DEPENDENCY);
          assertThat(e.getMessage()).doesNotContain("\n").contains("/nonexistent/dockerd");
        });
    assertThat(labs.names()).doesNotContain(name);
  }
}
