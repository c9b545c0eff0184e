package dev.swarmsnap.lab;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Names and addresses of a lab, derived from its name, number and directory (pure). Lab number k
 * owns 10.231.k.0/24; the node with index i gets 10.231.k.(10+i). Interface names carry the
 * number, not the name, to stay within the kernel's 15 characters.
 *
 * @param name lab name
 * @param number lab number, 1..254 (the registry hands out 1..199; 200..254 are for ad-hoc experiments)
 * @param dir the lab directory
 */
record LabLayout(String name, int number, Path dir) {
  /** Node indexes 1..244 map to host addresses .11 to .254. */
  static final int MAX_NODES = 244;

  /** Longest path a unix socket can have (sun_path is 108 bytes including the NUL). */
  static final int MAX_SOCKET_PATH = 107;

  LabLayout {
    LabSpec.requireValidName(name);
    if (number < 1 || number > 254) {
      throw new IllegalArgumentException("lab number out of range: " + number);
    }
    dir = dir.toAbsolutePath().normalize();
  }

  String subnet() {
    return "10.231." + number + ".0/24";
  }

  String address(int index) {
    if (index < 1 || index > MAX_NODES) {
      throw new IllegalArgumentException("node index out of range: " + index);
    }
    return "10.231." + number + "." + (10 + index);
  }

  String hubNetns() {
    return "swarmsnap-" + name + "-hub";
  }

  String netns(String node) {
    return "swarmsnap-" + name + "-" + node;
  }

  /** The bridge in the hub namespace. */
  String bridge() {
    return "sl" + number + "-br";
  }

  /** The hub-side end of a node's veth pair (the node side is {@code eth0}). */
  String hubLink(String node) {
    return "sl" + number + "-" + node;
  }

  String hostname(String node) {
    return name + "-" + node;
  }

  Path unlockKeyFile() {
    return dir.resolve("unlock-key");
  }

  LabNode node(String node, LabNode.Role role, int index) {
    Objects.requireNonNull(node, "node");
    Path nodeDir = dir.resolve(node);
    Path dataRoot = nodeDir.resolve("data");
    return new LabNode(
        node,
        role,
        address(index),
        netns(node),
        nodeDir,
        nodeDir.resolve("docker.sock"),
        nodeDir.resolve("docker.pid"),
        dataRoot,
        dataRoot.resolve("swarm"),
        hostname(node),
        nodeDir.resolve("start.sh"));
  }

  /**
   * The longest socket path this lab will create: containerd's, for the longest node name
   * ({@code m244}). Checked before anything is made.
   */
  int longestSocketPath() {
    return dir.resolve("m244/exec/containerd/containerd.sock.ttrpc").toString().length();
  }
}
