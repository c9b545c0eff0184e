package dev.swarmsnap.core.repository;

import dev.swarmsnap.repository.BackupIndex;
import dev.swarmsnap.repository.VerifyResult;
import java.time.Instant;
import java.util.List;

/**
 * What prune kept and removed (or would, on a dry run), newest first within each list.
 *
 * @param policy the policy in words
 */
public record PruneReport(String repository, String policy, boolean dryRun, List<Entry> keep, List<Entry> remove) {
  /** One backup and the rules that keep it (empty for a removed one). */
  public record Entry(String id, Instant createdAt, String clusterId, String hostname, long sizeBytes,
      VerifyResult verify, List<String> reasons) {
    public Entry {
      reasons = List.copyOf(reasons);
    }

    static Entry of(BackupIndex backup, List<String> reasons) {
      return new Entry(backup.id(), backup.createdAt(), backup.clusterId(), backup.hostname(), backup.sizeBytes(),
          backup.verify(), reasons);
    }
  }

  public PruneReport {
    keep = List.copyOf(keep);
    remove = List.copyOf(remove);
  }
}
