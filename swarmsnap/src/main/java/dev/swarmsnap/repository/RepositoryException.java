package dev.swarmsnap.repository;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;

/** A repository could not be read or written: the store failed, refused, or holds something unexpected. */
public class RepositoryException extends SwarmsnapException {
  private static final long serialVersionUID = 1L;

  public RepositoryException(String message, String hint, Throwable cause) {
    super(ExitCode.FAILED, message, hint, cause);
  }

  public RepositoryException(ExitCode code, String message, String hint) {
    super(code, message, hint, null);
  }
}
