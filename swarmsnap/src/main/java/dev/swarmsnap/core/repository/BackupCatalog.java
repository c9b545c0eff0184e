package dev.swarmsnap.core.repository;

import dev.swarmsnap.error.BadInputException;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.repository.BackupIndex;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Orders, filters and picks backups of a repository listing. Pure and stateless. */
public final class BackupCatalog {
  /** Newest first; ties by ID so the order is stable. */
  public static final Comparator<BackupIndex> NEWEST_FIRST =
      Comparator.comparing(BackupIndex::createdAt).reversed().thenComparing(BackupIndex::id);

  /** The backups of {@code cluster} (all when empty), newest first. */
  public List<BackupIndex> newestFirst(List<BackupIndex> backups, Optional<String> cluster) {
    return backups.stream()
        .filter(b -> cluster.map(c -> b.clusterId().startsWith(c)).orElse(true))
        .sorted(NEWEST_FIRST)
        .toList();
  }

  /**
   * The backup {@code ref} names: {@code latest} (the newest, of {@code cluster} if given) or a
   * prefix of its ID.
   *
   * @throws SwarmsnapException NOT_FOUND when nothing matches; USAGE when the prefix is ambiguous
   */
  public BackupIndex resolve(List<BackupIndex> backups, String ref, Optional<String> cluster, String repository) {
    List<BackupIndex> candidates = newestFirst(backups, cluster);
    if (ref.equals("latest")) {
      return candidates.stream().findFirst().orElseThrow(() -> new SwarmsnapException(ExitCode.NOT_FOUND,
          "repository " + repository + " holds no backup" + cluster.map(c -> " of cluster " + c).orElse(""),
          "take one with 'swarmsnap backup --repo " + repository + "'"));
    }
    if (!ref.matches("[0-9a-f]{4,64}")) {
      throw new BadInputException("'" + ref + "' is neither 'latest' nor a backup ID prefix (4 to 64 hex digits)",
          "see the IDs with 'swarmsnap list --repo " + repository + "'");
    }
    List<BackupIndex> matches = candidates.stream().filter(b -> b.id().startsWith(ref)).toList();
    if (matches.isEmpty()) {
      throw new SwarmsnapException(ExitCode.NOT_FOUND, "no backup with an ID starting " + ref + " in " + repository,
          "see the IDs with 'swarmsnap list --repo " + repository + "'");
    }
    if (matches.size() > 1) {
      int shown = Math.min(64, Math.max(12, commonPrefix(matches) + 4));
      throw new BadInputException("backup ID prefix " + ref + " is ambiguous: it matches "
          + matches.stream().map(b -> b.id().substring(0, shown)).collect(Collectors.joining(", ")),
          "give more digits of the ID");
    }
    return matches.get(0);
  }

  private static int commonPrefix(List<BackupIndex> backups) {
    String first = backups.get(0).id();
    int length = first.length();
    for (BackupIndex b : backups) {
      int i = 0;
      while (i < length && b.id().charAt(i) == first.charAt(i)) {
        i++;
      }
      length = i;
    }
    return length;
  }
}
