package dev.swarmsnap.lab;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Network namespaces of a lab (docs/engine-behaviour.md §1.1): a hub namespace holding a bridge with no uplink, no
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

  /**
   * Creates the hub (with {@code withHub}) and the namespaces of {@code nodes}. Commands go in
   * batches ({@code ip -batch -}), one per namespace: a loaded host spends ~0.1 s per {@code ip} run.
   */
  void create(LabLayout layout, List<LabNode> nodes, boolean withHub) {
    String hub = layout.hubNetns();
    List<String> root = new ArrayList<>();
    List<String> inHub = new ArrayList<>();
    if (withHub) {
      root.add("netns add " + hub);
      inHub.add("link set lo up");
      inHub.add("link add " + layout.bridge() + " type bridge");
      inHub.add("link set " + layout.bridge() + " up");
    }
    for (LabNode node : nodes) {
      String link = layout.hubLink(node.name());
      root.add("netns add " + node.netns());
      root.add("link add " + link + " netns " + hub + " type veth peer name eth0 netns " + node.netns());
      inHub.add("link set " + link + " master " + layout.bridge() + " up");
    }
    batch("create the network namespaces of lab " + layout.name(), List.of(), root);
    batch("wire the hub of lab " + layout.name(), List.of("-n", hub), inHub);
    for (LabNode node : nodes) {
      batch(
          "address node " + node.name(),
          List.of("-n", node.netns()),
          List.of("link set lo up", "addr add " + node.address() + "/24 dev eth0", "link set eth0 up"));
    }
  }

  /** Deletes the namespaces that exist (and with them their veths); returns what could not be deleted. */
  List<String> remove(List<String> namespaces) {
    List<String> present = namespaces.stream().filter(this::exists).toList();
    if (present.isEmpty()) {
      return List.of();
    }
    List<String> command = List.of(tools.path("ip"), "-force", "-batch", "-");
    String lines = String.join("", present.stream().map(n -> "netns del " + n + "\n").toList());
    CommandResult result = runner.run(command, timeout, lines.getBytes(StandardCharsets.UTF_8), Map.of());
    return present.stream()
        .filter(this::exists)
        .map(n -> "network namespace " + n + ": " + result.reason())
        .toList();
  }

  private void batch(String what, List<String> options, List<String> lines) {
    List<String> command = new ArrayList<>();
    command.add(tools.path("ip"));
    command.addAll(options);
    command.add("-batch");
    command.add("-");
    byte[] input = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    runner.run(command, timeout, input, Map.of()).requireOk(what);
  }
}
