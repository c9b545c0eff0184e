package dev.swarmsnap.core.repository;

import dev.swarmsnap.core.retention.RetentionPolicy;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code prune} was asked to do.
 *
 * @param cluster only backups of this cluster (ID or prefix); all clusters otherwise, each on its own
 * @param dryRun decide and report, remove nothing
 */
public record PruneRequest(RetentionPolicy policy, Optional<String> cluster, boolean dryRun) {
  public PruneRequest {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(cluster, "cluster");
  }
}
