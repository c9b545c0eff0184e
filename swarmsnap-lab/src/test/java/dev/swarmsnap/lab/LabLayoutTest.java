package dev.swarmsnap.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class LabLayoutTest {
  private final LabLayout layout = new LabLayout("demo-lab-123", 199, Path.of("/var/lib/swarmsnap/labs/demo-lab-123"));

  @Test
  void labNumberPicksTheSubnetAndNodeIndexTheHost() {
    assertThat(layout.subnet()).isEqualTo("10.231.199.0/24");
    assertThat(layout.address(1)).isEqualTo("10.231.199.11");
    assertThat(layout.address(LabLayout.MAX_NODES)).isEqualTo("10.231.199.254");
    assertThatThrownBy(() -> layout.address(LabLayout.MAX_NODES + 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void interfaceNamesFitTheKernelLimitEvenForTheLongestNodeName() {
    assertThat(layout.bridge().length()).isLessThanOrEqualTo(15);
    assertThat(layout.hubLink("m244").length()).isLessThanOrEqualTo(15);
  }

  @Test
  void namespacesAndHostnamesCarryTheLabName() {
    assertThat(layout.hubNetns()).isEqualTo("swarmsnap-demo-lab-123-hub");
    assertThat(layout.netns("m1")).isEqualTo("swarmsnap-demo-lab-123-m1");
    assertThat(layout.hostname("w2")).isEqualTo("demo-lab-123-w2");
  }

  @Test
  void nodeFilesLiveInTheNodeDirectory() {
    LabNode node = layout.node("m2", LabNode.Role.MANAGER, 2);
    Path dir = Path.of("/var/lib/swarmsnap/labs/demo-lab-123/m2");
    assertThat(node.dir()).isEqualTo(dir);
    assertThat(node.socket()).isEqualTo(dir.resolve("docker.sock"));
    assertThat(node.pidFile()).isEqualTo(dir.resolve("docker.pid"));
    assertThat(node.swarmDir()).isEqualTo(dir.resolve("data/swarm"));
    assertThat(node.startScript()).isEqualTo(dir.resolve("start.sh"));
    assertThat(node.dockerHost()).isEqualTo("unix://" + dir.resolve("docker.sock"));
    assertThat(node.address()).isEqualTo("10.231.199.12");
  }

  @Test
  void defaultLabDirectoriesLeaveRoomForSocketPaths() {
    assertThat(layout.longestSocketPath()).isLessThanOrEqualTo(LabLayout.MAX_SOCKET_PATH);
  }
}
