package dev.swarmsnap.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Network namespaces of a lab (lab-notes 1.1): a hub namespace holding a bridge with no uplink, no
 * address and no route, so nothing leaves; one namespace per node with a veth to the bridge. Both
 * veth ends are created directly inside their namespaces, so the host's own namespace never sees them.
 */
final class LabNetwork {
  private static final Path NETNS_DIR = Path.of("/run/netns");

  private final CommandRunner runner;
  private final Toolchain tools;
  private final Duration timeout;

  LabNetwork(CommandRunner runner, Toolchain tools, Duration timeout) {
    this.runner = runner;
    this.tools = tools;
    this.timeout = timeout;
  }

  static Path netnsFile(String netns) {
    return NETNS_DIR.resolve(netns);
  }

  boolean exists(String netns) {
    return Files.exists(netnsFile(netns));
  }

  void createHub(LabLayout layout) {
    String hub = layout.hubNetns();
    ip("create network namespace " + hub, "netns", "add", hub);
    ip("bring up lo in " + hub, "-n", hub, "link", "set", "lo", "up");
    ip("create bridge " + layout.bridge(), "-n", hub, "link", "add", layout.bridge(), "type", "bridge");
    ip("bring up bridge " + layout.bridge(), "-n", hub, "link", "set", layout.bridge(), "up");
  }

  void addNode(LabLayout layout, LabNode node) {
    String hub = layout.hubNetns();
    String link = layout.hubLink(node.name());
    ip("create network namespace " + node.netns(), "netns", "add", node.netns());
    ip("bring up lo in " + node.netns(), "-n", node.netns(), "link", "set", "lo", "up");
    ip(
        "create the veth of node " + node.name(),
        "link", "add", link, "netns", hub, "type", "veth", "peer", "name", "eth0", "netns", node.netns());
    ip("attach " + link + " to the bridge", "-n", hub, "link", "set", link, "master", layout.bridge(), "up");
    ip("address node " + node.name(), "-n", node.netns(), "addr", "add", node.address() + "/24", "dev", "eth0");
    ip("bring up eth0 of node " + node.name(), "-n", node.netns(), "link", "set", "eth0", "up");
  }

  /** Deletes the namespaces that exist (and with them their veths); returns what could not be deleted. */
  List<String> remove(List<String> namespaces) {
    List<String> failures = new ArrayList<>();
    for (String netns : namespaces) {
      if (exists(netns)) {
        CommandResult result = runner.run(List.of(tools.path("ip"), "netns", "del", netns), timeout);
        if (!result.ok() && exists(netns)) {
          failures.add("network namespace " + netns + ": " + result.reason());
        }
      }
    }
    return failures;
  }

  private void ip(String what, String... args) {
    List<String> command = new ArrayList<>();
    command.add(tools.path("ip"));
    command.addAll(List.of(args));
    runner.run(command, timeout).requireOk(what);
  }
}
