package dev.swarmsnap.archive;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;

/** The archive ends early: the compressed stream or the tar stream stops before its end. */
public final class TruncatedArchiveException extends SwarmsnapException {
  private static final long serialVersionUID = 1L;

  public TruncatedArchiveException(String message, Throwable cause) {
    super(ExitCode.VERIFY_FAILED, message, "the file was cut short (interrupted copy or full disk); copy it again or use another backup", cause);
  }
}
