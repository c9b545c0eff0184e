package dev.swarmsnap.error;

/** Input that is not what it claims to be: a malformed unlock key, a path that is no swarm dir. */
public class BadInputException extends SwarmsnapException {
  private static final long serialVersionUID = 1L;

  public BadInputException(String message, String hint) {
    super(ExitCode.USAGE, message, hint);
  }
}
