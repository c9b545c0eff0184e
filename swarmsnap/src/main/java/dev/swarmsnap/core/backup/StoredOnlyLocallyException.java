package dev.swarmsnap.core.backup;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;

/**
 * The backup was written and verified here, but storing it in the repository failed: exit code
 * partial. It carries the report so hooks and metrics still see the archive that exists.
 */
public final class StoredOnlyLocallyException extends SwarmsnapException {
  private static final long serialVersionUID = 1L;
  private final transient BackupReport report;

  public StoredOnlyLocallyException(BackupReport report, String message, String hint) {
    super(ExitCode.PARTIAL, message, hint);
    this.report = report;
  }

  public BackupReport report() {
    return report;
  }
}
