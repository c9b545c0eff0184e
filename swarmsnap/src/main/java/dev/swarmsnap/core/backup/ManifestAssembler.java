package dev.swarmsnap.core.backup;

import dev.swarmsnap.core.keys.UnlockKeyCheck;
import dev.swarmsnap.archive.manifest.EngineFacts;
import dev.swarmsnap.archive.manifest.FileMode;
import dev.swarmsnap.archive.manifest.FormatVersion;
import dev.swarmsnap.archive.manifest.LockFacts;
import dev.swarmsnap.archive.manifest.ManagerEntry;
import dev.swarmsnap.archive.manifest.Manifest;
import dev.swarmsnap.archive.manifest.ManifestFile;
import dev.swarmsnap.archive.manifest.NodeFacts;
import dev.swarmsnap.archive.manifest.RaftFacts;
import dev.swarmsnap.archive.manifest.Sha256;
import dev.swarmsnap.archive.manifest.SwarmRole;
import dev.swarmsnap.core.status.SwarmView;
import dev.swarmsnap.engine.SwarmNode;
import dev.swarmsnap.swarmstate.model.RaftSummary;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Builds the manifest of a backup from what the run learned. Pure. */
final class ManifestAssembler {

  Manifest assemble(
      String toolVersion,
      Instant createdAt,
      SwarmView view,
      Optional<UnlockKeyCheck.Fitted> key,
      RaftSummary raft,
      CopyOutcome copy,
      List<StagedFile> files) {
    return new Manifest(
        FormatVersion.CURRENT,
        toolVersion,
        createdAt,
        new EngineFacts(
            view.version().version(), view.version().apiVersion(), view.version().os(), view.version().arch()),
        new NodeFacts(
            view.info().hostname(),
            view.swarm().nodeId(),
            view.swarm().clusterId().orElse(""),
            SwarmRole.MANAGER,
            view.selfIsLeader()),
        view.managers().stream().map(ManifestAssembler::manager).toList(),
        new RaftFacts(Optional.of(raft.snapshotIndex()), Optional.of(raft.lastIndex())),
        new LockFacts(
            key.isPresent(),
            key.map(UnlockKeyCheck.Fitted::fingerprint),
            key.map(UnlockKeyCheck.Fitted::kekVersion)),
        copy.downtimeMillis(),
        files.stream().map(ManifestAssembler::entry).toList(),
        copy.mode(),
        copy.walCut(raft.lastIndex()),
        copy.commitRaise());
  }

  private static ManagerEntry manager(SwarmNode node) {
    return new ManagerEntry(
        node.id(),
        node.hostname(),
        node.managerStatus().map(m -> m.address()).orElse(node.address()),
        node.isLeader(),
        node.managerStatus().map(m -> m.reachability()).orElse("unknown"));
  }

  private static ManifestFile entry(StagedFile file) {
    FileMode mode = new FileMode(file.mode());
    if (file.directory()) {
      return ManifestFile.directory(file.path(), mode, file.uid(), file.gid());
    }
    return ManifestFile.file(
        file.path(), mode, file.uid(), file.gid(), file.originalLength(), file.storedLength(), Sha256.parse(file.sha256()));
  }
}
