package dev.swarmsnap.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.engine.ManagerStatus;
import dev.swarmsnap.engine.NodeRole;
import dev.swarmsnap.engine.SwarmNode;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DesignatedManagerTest {

  /**
   * Nodes are written {@code ID:ROLE:STATE}: ROLE is L (leader), F (follower, reachable),
   * U (follower, unreachable), W (worker); STATE is r (ready) or d (down).
   */
  static Stream<Arguments> table() {
    return Stream.of(
        // case, nodes, asking node, designated (or "-"), self, passed over
        row("lowest follower of three", "c:L:r b:F:r a:F:r", "b", "a", false, ""),
        row("the designated one asks", "c:L:r b:F:r a:F:r", "a", "a", true, ""),
        row("the leader asks", "c:L:r b:F:r a:F:r", "c", "a", false, ""),
        row("leader has the lowest ID: still a follower", "a:L:r c:F:r b:F:r", "a", "b", false, ""),
        row("lowest follower unreachable: next takes over", "c:L:r a:U:d b:F:r", "b", "b", true, "a"),
        row("lowest follower reachable but not ready", "c:L:r a:F:d b:F:r", "b", "b", true, "a"),
        row("higher follower down changes nothing", "c:L:r a:F:r b:U:d", "a", "a", true, ""),
        row("workers never count", "c:L:r b:F:r a:W:r", "b", "b", true, ""),
        row("single manager: the leader", "m:L:r w:W:r", "m", "m", true, ""),
        row("single manager asked by nobody else", "m:L:r", "x", "m", false, ""),
        row("every follower down: nobody", "c:L:r a:U:d b:U:d", "c", "-", false, "a b"),
        row("five managers, two down", "e:L:r a:U:d b:U:d c:F:r d:F:r", "d", "c", false, "a b"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void choosesTheSameManagerFromEveryNode(
      String name, List<SwarmNode> nodes, String asking, String expected, boolean self, List<String> passedOver) {
    Designation designation = new DesignatedManager().choose(asking, nodes);

    assertThat(designation.designated().map(SwarmNode::id)).isEqualTo(expected.equals("-") ? Optional.empty() : Optional.of(expected));
    assertThat(designation.self()).isEqualTo(self);
    assertThat(designation.passedOver().stream().map(SwarmNode::id).toList()).isEqualTo(passedOver);
    assertThat(designation.reason()).isNotBlank();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void everyManagerNamesTheSameNode(
      String name, List<SwarmNode> nodes, String asking, String expected, boolean self, List<String> passedOver) {
    List<Optional<String>> choices = nodes.stream()
        .map(n -> new DesignatedManager().choose(n.id(), nodes).designated().map(SwarmNode::id))
        .distinct()
        .toList();

    assertThat(choices).hasSize(1);
  }

  static Stream<Arguments> hotTable() {
    return Stream.of(
        row("hot: the leader with the lowest ID takes it", "a:L:r b:F:r c:F:r", "b", "a", false, ""),
        row("hot: the leader asks and is designated", "a:L:r b:F:r c:F:r", "a", "a", true, ""),
        row("hot: a down manager is passed over", "a:U:d b:L:r c:F:r", "b", "b", true, "a"),
        row("hot: single manager", "m:L:r w:W:r", "m", "m", true, ""),
        row("hot: workers never count", "b:L:r a:W:r", "b", "b", true, ""),
        row("hot: everybody down", "a:U:d b:U:d", "a", "-", false, "a b"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hotTable")
  void withHotTheLeaderTakesItsTurnInNodeIdOrder(
      String name, List<SwarmNode> nodes, String asking, String expected, boolean self, List<String> passedOver) {
    Designation designation = new DesignatedManager().chooseForHot(asking, nodes);

    assertThat(designation.designated().map(SwarmNode::id)).isEqualTo(expected.equals("-") ? Optional.empty() : Optional.of(expected));
    assertThat(designation.self()).isEqualTo(self);
    assertThat(designation.passedOver().stream().map(SwarmNode::id).toList()).isEqualTo(passedOver);
    assertThat(nodes.stream().map(n -> new DesignatedManager().chooseForHot(n.id(), nodes).designated()).distinct())
        .hasSize(1);
  }

  private static Arguments row(
      String name, String nodes, String asking, String expected, boolean self, String passedOver) {
    List<SwarmNode> parsed = Arrays.stream(nodes.split(" ")).map(DesignatedManagerTest::node).toList();
    List<String> skipped = passedOver.isEmpty() ? List.of() : List.of(passedOver.split(" "));
    return Arguments.of(name, parsed, asking, expected, self, skipped);
  }

  private static SwarmNode node(String spec) {
    String[] parts = spec.split(":");
    String id = parts[0];
    String state = parts[2].equals("r") ? "ready" : "down";
    Optional<ManagerStatus> status = switch (parts[1]) {
      case "L" -> Optional.of(new ManagerStatus(true, "reachable", "10.231.0.1:2377"));
      case "F" -> Optional.of(new ManagerStatus(false, "reachable", "10.231.0.2:2377"));
      case "U" -> Optional.of(new ManagerStatus(false, "unreachable", "10.231.0.3:2377"));
      default -> Optional.empty();
    };
    NodeRole role = status.isPresent() ? NodeRole.MANAGER : NodeRole.WORKER;
    return new SwarmNode(id, "host-" + id, role, state, "active", "10.231.0.9", "20.10.24", status);
  }
}
