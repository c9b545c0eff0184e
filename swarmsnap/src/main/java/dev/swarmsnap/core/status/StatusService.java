package dev.swarmsnap.core.status;

import dev.swarmsnap.engine.EngineClient;
import dev.swarmsnap.engine.EngineInfo;
import dev.swarmsnap.engine.EngineRequestException;
import dev.swarmsnap.engine.EngineVersion;
import dev.swarmsnap.engine.SwarmInfo;
import dev.swarmsnap.engine.SwarmNode;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Gathers the facts for {@code status} from the engine and the swarm directory, then judges them. */
public final class StatusService {
  private final BackupSafety safety = new BackupSafety();
  private final SwarmDirectoryProbe directoryProbe;

  public StatusService(SwarmDirectoryProbe directoryProbe) {
    this.directoryProbe = directoryProbe;
  }

  /**
   * @param swarmDir the swarm directory, when the user named it; otherwise {@code <DockerRootDir>/swarm}
   */
  public StatusReport status(EngineClient engine, Optional<Path> swarmDir) {
    EngineVersion version = engine.version();
    EngineInfo info = engine.info();
    SwarmInfo swarm = info.swarm();
    Optional<List<SwarmNode>> nodes = listNodes(engine, swarm);
    Safety verdict = safety.evaluate(swarm, nodes);
    List<SwarmNode> members = nodes.orElse(List.of()).stream().filter(SwarmNode::isRaftMember).toList();
    boolean leader = members.stream().anyMatch(n -> n.id().equals(swarm.nodeId()) && n.isLeader());
    Path dir = swarmDir.orElse(Path.of(info.dockerRootDir(), "swarm"));
    return new StatusReport(
        engine.endpoint(),
        swarm.nodeId(),
        info.hostname(),
        version.version(),
        version.apiVersion(),
        swarm.state().label(),
        roleOf(swarm),
        leader,
        swarm.clusterId(),
        swarm.autolock(),
        nodes.map(safety::quorumOf).map(StatusReport.QuorumView::of),
        members.stream()
            .sorted(Comparator.comparing(SwarmNode::hostname))
            .map(n -> managerView(n, swarm.nodeId()))
            .toList(),
        directoryProbe.probe(dir),
        verdict);
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

  private static String roleOf(SwarmInfo swarm) {
    return switch (swarm.state()) {
      case INACTIVE -> "none";
      case LOCKED -> "manager";
      default -> swarm.controlAvailable() ? "manager" : "worker";
    };
  }

  private static StatusReport.ManagerView managerView(SwarmNode node, String selfId) {
    return new StatusReport.ManagerView(
        node.id(),
        node.hostname(),
        node.managerStatus().map(m -> m.address()).orElse(node.address()),
        node.isLeader(),
        node.managerStatus().map(m -> m.reachability()).orElse("unknown"),
        node.id().equals(selfId));
  }
}
