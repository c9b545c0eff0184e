package dev.swarmsnap.archive;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;

/** The archive holds an entry a swarmsnap archive never holds (link, device, absolute or {@code ..} path, duplicate, unlisted or oversized entry); nothing is extracted from it. */
public final class UnsafeArchiveEntryException extends SwarmsnapException {
  private static final long serialVersionUID = 1L;

  public UnsafeArchiveEntryException(String message, Throwable cause) {
    super(ExitCode.VERIFY_FAILED, message, "do not use this file: it was not written by swarmsnap or was tampered with", cause);
  }
}
