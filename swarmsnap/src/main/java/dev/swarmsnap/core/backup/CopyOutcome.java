package dev.swarmsnap.core.backup;

import dev.swarmsnap.archive.manifest.BackupMode;
import dev.swarmsnap.archive.manifest.CommitRaise;
import dev.swarmsnap.archive.manifest.WalCut;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the swarm directory got into staging, cold or hot, as the manifest and the report need it.
 *
 * @param swarmFiles what was copied, paths {@code swarm/...}
 * @param timings the engine's downtime split (copy time only, for hot)
 * @param downtimeMillis engine stop issued until its API answered again; 0 for hot
 * @param readyMillis engine stop issued until the node was a ready manager again; 0 for hot
 * @param attempts copies taken (hot: until one saw the directory unchanged)
 * @param cut the torn final WAL record cut off a hot copy: archive path and bytes dropped
 * @param commitRaise a hot copy's commit index raised to what the API view proves committed
 */
record CopyOutcome(
    List<StagedFile> swarmFiles,
    BackupReport.Timings timings,
    long downtimeMillis,
    long readyMillis,
    BackupMode mode,
    int attempts,
    Optional<Cut> cut,
    Optional<CommitRaise> commitRaise) {

  /** @param segment path in the archive */
  record Cut(String segment, long bytesDropped) {}

  CopyOutcome {
    swarmFiles = List.copyOf(swarmFiles);
    Objects.requireNonNull(timings, "timings");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(cut, "cut");
    Objects.requireNonNull(commitRaise, "commitRaise");
  }

  /** The manifest's record of the cut, once the copy's last index is known. */
  Optional<WalCut> walCut(long lastIndexKept) {
    return cut.map(c -> new WalCut(c.segment(), c.bytesDropped(), lastIndexKept));
  }
}
