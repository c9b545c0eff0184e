package dev.swarmsnap.archive.manifest;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;

/** A manifest's format version is outside the range this build reads. */
public final class UnsupportedFormatVersionException extends SwarmsnapException {
  private static final long serialVersionUID = 1L;

  public UnsupportedFormatVersionException(String message, String hint) {
    super(ExitCode.FAILED, message, hint);
  }
}
