package dev.swarmsnap.archive;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;

/**
 * The manifest lists more swarm state than the extraction may write (the cap of {@link
 * ExtractionLimits#maxStateBytes()}); nothing was written.
 */
public final class ExtractionLimitException extends SwarmsnapException {
  private static final long serialVersionUID = 1L;

  public ExtractionLimitException(String message, String hint) {
    super(ExitCode.UNSAFE, message, hint);
  }
}
