package dev.swarmsnap.engine;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;

/** Stopping or starting the engine failed. The hint says what to run by hand. */
public final class EngineControlException extends SwarmsnapException {
  private static final long serialVersionUID = 1L;

  public EngineControlException(String message, String hint) {
    super(ExitCode.FAILED, message, hint);
  }

  public EngineControlException(String message, String hint, Throwable cause) {
    super(ExitCode.FAILED, message, hint, cause);
  }
}
