package dev.swarmsnap.archive;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;

/** The extraction target exists already, or its parent is not a directory. */
public final class ExtractionTargetException extends SwarmsnapException {
  private static final long serialVersionUID = 1L;

  public ExtractionTargetException(String message, String hint) {
    super(ExitCode.CONFLICT, message, hint);
  }
}
