package dev.swarmsnap.archive;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;

/** The file is not a swarmsnap archive: not zstd, not tar, or its first entry is not {@code manifest.json}. */
public final class NotASwarmsnapArchiveException extends SwarmsnapException {
  private static final long serialVersionUID = 1L;

  public NotASwarmsnapArchiveException(String message, Throwable cause) {
    super(ExitCode.FAILED, message, "check the path; swarmsnap archives end in .swarmsnap (.swarmsnap.age when encrypted)", cause);
  }
}
