package dev.swarmsnap.core.status;

import dev.swarmsnap.engine.EngineClient;
import dev.swarmsnap.engine.SwarmInfo;
import dev.swarmsnap.engine.SwarmNode;
import java.nio.file.Path;
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
    SwarmView view = SwarmView.of(engine);
    SwarmInfo swarm = view.swarm();
    Path dir = swarmDir.orElse(Path.of(view.info().dockerRootDir(), "swarm"));
    Safety cold = safety.evaluate(swarm, view.nodes());
    return new StatusReport(
        engine.endpoint(),
        swarm.nodeId(),
        view.info().hostname(),
        view.version().version(),
        view.version().apiVersion(),
        swarm.state().label(),
        roleOf(swarm),
        view.selfIsLeader(),
        swarm.clusterId(),
        swarm.autolock(),
        view.nodes().map(safety::quorumOf).map(StatusReport.QuorumView::of),
        view.managers().stream().map(n -> managerView(n, swarm.nodeId())).toList(),
        directoryProbe.probe(dir),
        cold,
        HotBackupSafety.of(cold));
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
