package dev.swarmsnap.core.repository;

import dev.swarmsnap.core.retention.Retention;
import dev.swarmsnap.core.retention.RetentionCandidate;
import dev.swarmsnap.core.retention.RetentionDecision;
import dev.swarmsnap.error.BadInputException;
import dev.swarmsnap.repository.BackupIndex;
import dev.swarmsnap.repository.DrillRecord;
import dev.swarmsnap.repository.VerifyResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides what prune removes: the retention policy applied to each cluster's backups on their own
 * (as restic groups by host and paths), plus safety rules of ours: a cluster never loses its last
 * backup whose verify passed, nor its last backup whose restore drill passed, whatever the policy
 * says. Pure.
 */
public final class PrunePlanner {
  /** The reason recorded when only the safety rule keeps a backup. */
  public static final String LAST_VERIFIED = "last verified backup of its cluster";
  /** The reason recorded when only the drill rule keeps a backup. */
  public static final String LAST_DRILLED = "last backup of its cluster whose drill passed";

  private final Retention retention = new Retention();
  private final BackupCatalog catalog = new BackupCatalog();

  /**
   * Plans a prune of {@code backups}.
   *
   * @throws BadInputException when the policy keeps nothing: prune never removes every backup by default
   */
  public PruneReport plan(List<BackupIndex> backups, PruneRequest request, Instant now, String repository) {
    if (request.policy().isEmpty()) {
      throw new BadInputException("no --keep-* option given, so prune would remove every backup",
          "give at least one of --keep-last, --keep-hourly, --keep-daily, --keep-weekly, --keep-monthly,"
              + " --keep-yearly, --keep-within");
    }
    Map<String, List<BackupIndex>> byCluster = catalog.newestFirst(backups, request.cluster()).stream()
        .collect(Collectors.groupingBy(BackupIndex::clusterId, TreeMap::new, Collectors.toList()));
    List<PruneReport.Entry> keep = new ArrayList<>();
    List<PruneReport.Entry> remove = new ArrayList<>();
    for (List<BackupIndex> group : byCluster.values()) {
      planGroup(group, request, now, keep, remove);
    }
    return new PruneReport(repository, request.policy().describe(), request.dryRun(), keep, remove);
  }

  private void planGroup(List<BackupIndex> group, PruneRequest request, Instant now,
      List<PruneReport.Entry> keep, List<PruneReport.Entry> remove) {
    Map<String, BackupIndex> byId = group.stream().collect(Collectors.toMap(BackupIndex::id, Function.identity()));
    List<RetentionCandidate> candidates = group.stream().map(b -> new RetentionCandidate(b.id(), b.createdAt())).toList();
    RetentionDecision decision = retention.apply(candidates, request.policy(), now);

    List<BackupIndex> removed = new ArrayList<>(decision.remove().stream().map(c -> byId.get(c.id())).toList());
    List<PruneReport.Entry> kept = new ArrayList<>();
    List<BackupIndex> keptBackups = new ArrayList<>();
    for (RetentionDecision.Kept k : decision.keep()) {
      kept.add(PruneReport.Entry.of(byId.get(k.candidate().id()), k.reasons()));
      keptBackups.add(byId.get(k.candidate().id()));
    }
    keepNewest(b -> b.verify() == VerifyResult.PASSED, LAST_VERIFIED, keptBackups, removed, kept);
    keepNewest(b -> b.drill().map(DrillRecord::passed).orElse(false), LAST_DRILLED, keptBackups, removed, kept);
    kept.sort(java.util.Comparator.comparing(PruneReport.Entry::createdAt).reversed());
    keep.addAll(kept);
    removed.forEach(b -> remove.add(PruneReport.Entry.of(b, List.of())));
  }

  /**
   * If no kept backup has {@code property}, the newest removed one that has it is kept after all
   * ({@code removed} is newest first), with {@code reason}.
   */
  private static void keepNewest(java.util.function.Predicate<BackupIndex> property, String reason,
      List<BackupIndex> keptBackups, List<BackupIndex> removed, List<PruneReport.Entry> kept) {
    if (keptBackups.stream().anyMatch(property)) {
      return;
    }
    removed.stream().filter(property).findFirst().ifPresent(newest -> {
      removed.remove(newest);
      keptBackups.add(newest);
      kept.add(PruneReport.Entry.of(newest, List.of(reason)));
    });
  }
}
