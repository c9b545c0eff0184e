package dev.swarmsnap.archive.manifest;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;

/** A manifest is not valid JSON or breaks a rule of the format (a field is missing or wrong). */
public final class ManifestFormatException extends SwarmsnapException {
  private static final long serialVersionUID = 1L;

  public ManifestFormatException(String message, Throwable cause) {
    super(
        ExitCode.VERIFY_FAILED,
        message,
        "the backup is damaged or was not written by swarmsnap; use another backup",
        cause);
  }
}
