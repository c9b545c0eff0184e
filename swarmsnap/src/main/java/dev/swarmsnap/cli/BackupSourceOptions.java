package dev.swarmsnap.cli;

import dev.swarmsnap.core.repository.FetchedArchive;
import dev.swarmsnap.core.repository.RepositoryArchives;
import dev.swarmsnap.repository.BackupRepository;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * For commands that read one backup ({@code restore}, {@code inspect}, {@code verify}): with
 * {@code --repo}, their argument is {@code latest} or a backup ID prefix, downloaded first.
 */
public final class BackupSourceOptions {
  @Mixin RepositoryOptions repository;

  @Option(names = "--cluster", paramLabel = "ID",
      description = "With --repo: 'latest' means the newest backup of this cluster (ID or prefix).")
  String cluster;

  /**
   * With {@code --repo}: downloads the backup {@code ref} names into a private temp directory, which
   * closing the result removes. Without: empty, and {@code ref} is a local path.
   */
  public Optional<FetchedArchive> fetch(CliContext context, String ref) {
    Optional<BackupRepository> opened = repository.open(context);
    if (opened.isEmpty()) {
      return Optional.empty();
    }
    try (BackupRepository repo = opened.get()) {
      context.err().println("swarmsnap: downloading backup '" + ref + "' from " + repo.describe());
      context.err().flush();
      TerminalProgress progress = new TerminalProgress(context);
      FetchedArchive fetched = new RepositoryArchives(temporaryRoot(context))
          .fetch(repo, ref, Optional.ofNullable(cluster), progress::progress);
      progress.endLine();
      context.err().println("swarmsnap: backup " + fetched.backup().id().substring(0, 12) + " ("
          + fetched.backup().createdAt() + ", " + fetched.backup().hostname() + ") is at " + fetched.archive());
      context.err().flush();
      return Optional.of(fetched);
    }
  }

  /** The repository {@code --repo} names, opened (the caller closes it); empty without {@code --repo}. */
  public Optional<BackupRepository> openRepository(CliContext context) {
    return repository.open(context);
  }

  /** Where downloads and copies go: {@code $TMPDIR}, else {@code /tmp}. */
  public static Path temporaryRoot(CliContext context) {
    return context.env("TMPDIR").map(Path::of).orElse(Path.of("/tmp"));
  }
}
