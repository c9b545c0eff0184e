package dev.swarmsnap.core.repository;

import dev.swarmsnap.repository.BackupIndex;
import dev.swarmsnap.repository.BackupRepository;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code prune}: plans with {@link PrunePlanner}, then removes (index record first, then archive). */
public final class PruneService {
  private final Clock clock;

  public PruneService(Clock clock) {
    this.clock = clock;
  }

  /**
   * Plans and, unless a dry run, removes.
   *
   * @param removed called after each backup is removed, for progress
   */
  public PruneReport run(BackupRepository repository, PruneRequest request, java.util.function.Consumer<String> removed) {
    List<BackupIndex> backups = repository.list();
    PruneReport report = new PrunePlanner().plan(backups, request, clock.instant(), repository.describe());
    if (!request.dryRun()) {
      Map<String, BackupIndex> byId = backups.stream().collect(Collectors.toMap(BackupIndex::id, Function.identity()));
      for (PruneReport.Entry entry : report.remove()) {
        repository.remove(byId.get(entry.id()));
        removed.accept(entry.id());
      }
    }
    return report;
  }
}
