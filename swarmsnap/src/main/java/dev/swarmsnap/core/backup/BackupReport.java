package dev.swarmsnap.core.backup;

import dev.swarmsnap.archive.manifest.BackupMode;
import dev.swarmsnap.archive.manifest.WalCut;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a finished backup reports; rendered as text or JSON.
 *
 * @param outage how the downtime splits: stopping, copying, starting until the API answers
 * @param downtimeMillis engine stop issued until its API answered again
 * @param readyMillis engine stop issued until the node was a ready, reachable manager again
 * @param objects object counts of the backed-up state by kind (services, nodes, ...)
 * @param certificateExpiry when the first of the backed-up node certificate and root CA expires
 * @param mode {@code cold} (engine stopped) or {@code hot} (copied while it ran)
 * @param copyAttempts how many copies a hot backup took until one saw the directory unchanged (1 for cold)
 * @param walCut a hot backup's cut of a torn final WAL record, if it made one
 */
public record BackupReport(
    String archive,
    long archiveBytes,
    String archiveSha256,
    Instant createdAt,
    String clusterId,
    String nodeId,
    String hostname,
    String engineVersion,
    String engineControl,
    boolean autolock,
    Optional<String> unlockKeyFingerprint,
    long realDataBytes,
    Timings outage,
    long downtimeMillis,
    long readyMillis,
    long totalMillis,
    Map<String, Integer> objects,
    long raftSnapshotIndex,
    long raftLastIndex,
    List<String> warnings,
    Optional<Instant> certificateExpiry,
    BackupMode mode,
    int copyAttempts,
    Optional<WalCut> walCut) {
  /** The parts of the engine's downtime, in milliseconds. */
  public record Timings(long stopMillis, long copyMillis, long startMillis) {}

  public BackupReport {
    objects = Map.copyOf(objects);
    warnings = List.copyOf(warnings);
  }
}
