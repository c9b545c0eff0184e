package dev.swarmsnap.core.repository;

import dev.swarmsnap.durable.StagingDirectory;
import dev.swarmsnap.repository.BackupIndex;
import java.nio.file.Path;

/** An archive downloaded from a repository into a private (0700) temp directory; closing removes it. */
public final class FetchedArchive implements AutoCloseable {
  private final StagingDirectory directory;
  private final Path archive;
  private final BackupIndex backup;

  FetchedArchive(StagingDirectory directory, Path archive, BackupIndex backup) {
    this.directory = directory;
    this.archive = archive;
    this.backup = backup;
  }

  public Path archive() {
    return archive;
  }

  public BackupIndex backup() {
    return backup;
  }

  @Override
  public void close() {
    directory.close();
  }
}
