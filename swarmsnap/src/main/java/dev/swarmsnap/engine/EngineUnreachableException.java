package dev.swarmsnap.engine;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;

/** The engine could not be reached, or did not answer within the timeout. */
public final class EngineUnreachableException extends SwarmsnapException {
  private static final long serialVersionUID = 1L;

  public EngineUnreachableException(String message, String hint, Throwable cause) {
    super(ExitCode.ENGINE_UNREACHABLE, message, hint, cause);
  }
}
