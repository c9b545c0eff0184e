package dev.swarmsnap.lab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the registry records about a lab, enough for {@code down} from a new process after a crash.
 * Paths and names are derived from it through {@link LabLayout}. Node entries are written before
 * the node is made, so a half-made node is still cleaned up.
 *
 * @param format state file format version, currently 1
 * @param name lab name
 * @param number lab number (subnet 10.231.number.0/24)
 * @param dir lab directory
 * @param autolock whether the swarm was created with autolock
 * @param dockerd absolute path of the dockerd binary every node runs (added nodes too); null in
 *     state files written before the lab could run another engine, which ran the one on PATH
 * @param phase CREATING until {@code up} finished, then READY
 * @param nodes the nodes, in creation order
 */
record LabState(
    int format, String name, int number, String dir, boolean autolock, String dockerd, Phase phase, List<NodeEntry> nodes) {
  static final int FORMAT = 1;

  /** Whether {@code up} finished. */
  enum Phase {
    CREATING,
    READY
  }

  /**
   * @param name node name
   * @param role node role
   * @param index position in 1..244; fixes the address
   */
  record NodeEntry(String name, LabNode.Role role, int index) {
    NodeEntry {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(role, "role");
    }
  }

  LabState {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(phase, "phase");
    nodes = List.copyOf(nodes);
  }

  LabLayout layout() {
    return new LabLayout(name, number, Path.of(dir));
  }

  List<LabNode> labNodes() {
    LabLayout layout = layout();
    return nodes.stream().map(n -> layout.node(n.name(), n.role(), n.index())).toList();
  }

  /** The engine binary of the lab; {@code fallback} for state written before it was recorded. */
  EngineBinary engine(Supplier<String> fallback) {
    return new EngineBinary(Path.of(dockerd == null ? fallback.get() : dockerd));
  }

  LabState withPhase(Phase next) {
    return new LabState(format, name, number, dir, autolock, dockerd, next, nodes);
  }

  /** Appends the next node of {@code role}: numbering and index continue after existing nodes. */
  LabState withNextNode(LabNode.Role role) {
    int ordinal =
        1
            + nodes.stream()
                .filter(n -> n.role() == role)
                .mapToInt(n -> Integer.parseInt(n.name().substring(1)))
                .max()
                .orElse(0);
    int index = 1 + nodes.stream().mapToInt(NodeEntry::index).max().orElse(0);
    if (index > LabLayout.MAX_NODES) {
      throw new LabException(
          LabException.Kind.CONFLICT, "lab '" + name + "' has no free node address left", null);
    }
    List<NodeEntry> more = new ArrayList<>(nodes);
    more.add(new NodeEntry(role.prefix() + ordinal, role, index));
    return new LabState(format, name, number, dir, autolock, dockerd, phase, more);
  }

  NodeEntry lastNode() {
    return nodes.get(nodes.size() - 1);
  }
}
