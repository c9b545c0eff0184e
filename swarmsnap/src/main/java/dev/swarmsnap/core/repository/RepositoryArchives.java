package dev.swarmsnap.core.repository;

import dev.swarmsnap.durable.StagingDirectory;
import dev.swarmsnap.repository.BackupIndex;
import dev.swarmsnap.repository.BackupRepository;
import dev.swarmsnap.repository.TransferProgress;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Brings a repository's backup to this host for {@code restore}, {@code inspect} and {@code verify}:
 * resolves {@code latest} or an ID prefix, downloads the archive into a fresh 0700 directory under
 * {@code tempRoot} and checks its SHA-256 against the index record.
 */
public final class RepositoryArchives {
  private final Path tempRoot;

  public RepositoryArchives(Path tempRoot) {
    this.tempRoot = Objects.requireNonNull(tempRoot, "tempRoot");
  }

  public FetchedArchive fetch(BackupRepository repository, String ref, Optional<String> cluster, TransferProgress progress) {
    BackupIndex backup = new BackupCatalog().resolve(repository.list(), ref, cluster, repository.describe());
    StagingDirectory directory = StagingDirectory.createNextTo(tempRoot.resolve("swarmsnap-download"));
    try {
      Path archive = directory.path().resolve(backup.archiveName());
      repository.fetch(backup, archive, progress);
      return new FetchedArchive(directory, archive, backup);
    } catch (RuntimeException e) {
      directory.close();
      throw e;
    }
  }
}
