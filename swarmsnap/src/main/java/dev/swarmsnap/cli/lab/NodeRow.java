package dev.swarmsnap.cli.lab;

import dev.swarmsnap.lab.Lab;
import dev.swarmsnap.lab.LabNode;
import java.util.List;
import java.util.Optional;

/** One node as {@code lab ls} and {@code lab up} show it; also the element of {@code lab ls --json}. */
record NodeRow(
    String name,
    String role,
    boolean leader,
    String address,
    boolean running,
    Optional<String> engineVersion,
    String hostname,
    String socket,
    String netns) {

  /** Rows for every node of {@code lab}; the leader is asked of the engines once. */
  static List<NodeRow> of(Lab lab) {
    Optional<String> leader = lab.findLeader();
    return lab.nodes().stream().map(node -> of(lab, node, leader)).toList();
  }

  static NodeRow of(Lab lab, LabNode node, Optional<String> leader) {
    return new NodeRow(
        node.name(),
        node.role().label(),
        leader.filter(node.name()::equals).isPresent(),
        node.address(),
        lab.running(node.name()),
        lab.engineVersion(node.name()),
        node.hostname(),
        node.socket().toString(),
        node.netns());
  }
}
