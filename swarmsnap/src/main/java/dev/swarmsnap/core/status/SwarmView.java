package dev.swarmsnap.core.status;

import dev.swarmsnap.engine.EngineClient;
import dev.swarmsnap.engine.EngineInfo;
import dev.swarmsnap.engine.EngineRequestException;
import dev.swarmsnap.engine.EngineVersion;
import dev.swarmsnap.engine.SwarmInfo;
import dev.swarmsnap.engine.SwarmNode;
import java.util.List;
import java.util.Optional;

/**
 * This engine's view of the swarm at one moment: version, info, and the node list when this node can
 * give it (a manager with quorum).
 */
public record SwarmView(EngineVersion version, EngineInfo info, Optional<List<SwarmNode>> nodes) {

  /** Asks the engine. */
  public static SwarmView of(EngineClient engine) {
    EngineVersion version = engine.version();
    EngineInfo info = engine.info();
    return new SwarmView(version, info, listNodes(engine, info.swarm()));
  }

  public SwarmInfo swarm() {
    return info.swarm();
  }

  /** Raft members, sorted by hostname. */
  public List<SwarmNode> managers() {
    return nodes.orElse(List.of()).stream()
        .filter(SwarmNode::isRaftMember)
        .sorted(java.util.Comparator.comparing(SwarmNode::hostname))
        .toList();
  }

  /** Whether this node is the raft leader. */
  public boolean selfIsLeader() {
    return managers().stream().anyMatch(n -> n.id().equals(swarm().nodeId()) && n.isLeader());
  }

  private static Optional<List<SwarmNode>> listNodes(EngineClient engine, SwarmInfo swarm) {
    if (!swarm.controlAvailable() || swarm.hasError()) {
      return Optional.empty();
    }
    try {
      return Optional.of(engine.nodes());
    } catch (EngineRequestException e) {
      // Quorum may be lost between /info and /nodes; the verdict then says so.
      if (e.isNoLeader() || e.isNotManager() || e.isLocked()) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
