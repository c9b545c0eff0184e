package dev.swarmsnap.cli.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.lab.LabNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class LabEnvCommandTest {
  @Test
  void exportsTheSocketSwarmDirPidfileStartScriptAndRunDirOfTheNode() {
    Path dir = Path.of("/var/lib/swarmsnap/labs/lab/m1");
    LabNode node =
        new LabNode(
            "m1", LabNode.Role.MANAGER, "10.231.1.11", "swarmsnap-lab-m1", dir, dir.resolve("docker.sock"),
            dir.resolve("docker.pid"), dir.resolve("data"), dir.resolve("data/swarm"), "lab-m1", dir.resolve("start.sh"));

    assertThat(LabEnvCommand.variables(node, Path.of("/usr/sbin/dockerd")))
        .containsExactly(
            java.util.Map.entry("DOCKER_HOST", "unix:///var/lib/swarmsnap/labs/lab/m1/docker.sock"),
            java.util.Map.entry("SWARMSNAP_SWARM_DIR", "/var/lib/swarmsnap/labs/lab/m1/data/swarm"),
            java.util.Map.entry("SWARMSNAP_ENGINE_CONTROL", "pid"),
            java.util.Map.entry("SWARMSNAP_PIDFILE", "/var/lib/swarmsnap/labs/lab/m1/docker.pid"),
            java.util.Map.entry("SWARMSNAP_START_CMD", "/var/lib/swarmsnap/labs/lab/m1/start.sh"),
            java.util.Map.entry("SWARMSNAP_RUN_DIR", "/var/lib/swarmsnap/labs/lab/m1/run"),
            java.util.Map.entry("SWARMSNAP_DOCKERD", "/usr/sbin/dockerd"));
  }
}
