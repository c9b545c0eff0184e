package dev.swarmsnap.core.repository;

import dev.swarmsnap.core.backup.BackupReport;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.repository.BackupIndex;
import dev.swarmsnap.repository.BackupRepository;
import dev.swarmsnap.repository.TransferProgress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The step after {@code backup --repo}: stores the archive the backup wrote, then (if asked)
 * removes the local copy. A failure here never loses the backup: the local archive stays and the
 * outcome says why storing failed, for the "partial" exit code.
 */
public final class BackupUpload {
  private final BackupRecords records = new BackupRecords();

  public UploadOutcome upload(BackupRepository repository, BackupReport report, String toolVersion,
      boolean removeLocal, TransferProgress progress) {
    BackupIndex index = records.fromReport(report, toolVersion);
    Path archive = Path.of(report.archive());
    try {
      repository.store(archive, index, progress);
    } catch (SwarmsnapException e) {
      return failed(repository, index, e.getMessage(), e.hint().orElse("check the repository and retry"), archive);
    } catch (UncheckedIOException e) {
      return failed(repository, index, e.getMessage(), "check the repository and retry", archive);
    }
    boolean removed = false;
    if (removeLocal) {
      try {
        removed = Files.deleteIfExists(archive);
      } catch (IOException e) {
        // Stored safely; a local copy left behind is only disk space.
        removed = false;
      }
    }
    return new UploadOutcome(repository.describe(), true, index.id(), java.util.Optional.empty(),
        java.util.Optional.empty(), removed);
  }

  private static UploadOutcome failed(BackupRepository repository, BackupIndex index, String error, String hint,
      Path archive) {
    return new UploadOutcome(repository.describe(), false, index.id(), java.util.Optional.of(error),
        java.util.Optional.of(hint + "; the backup is kept at " + archive
            + " (store it later with 'swarmsnap copy --archive " + archive + " --to " + repository.describe() + "')"),
        false);
  }
}
