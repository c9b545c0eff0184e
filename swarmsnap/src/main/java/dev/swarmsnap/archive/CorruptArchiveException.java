package dev.swarmsnap.archive;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;

/** The archive is damaged: a zstd checksum, a tar header, a length or a SHA-256 does not match, or an entry is missing. */
public final class CorruptArchiveException extends SwarmsnapException {
  private static final long serialVersionUID = 1L;

  public CorruptArchiveException(String message, Throwable cause) {
    super(ExitCode.VERIFY_FAILED, message, "the backup is damaged; use another backup", cause);
  }
}
