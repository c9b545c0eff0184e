package dev.swarmsnap.error;

import java.util.Objects;
import java.util.Optional;

/**
 * The one root exception of swarmsnap. The message says what failed and why; the hint says what
 * to do next. The CLI prints both (never a stack trace unless {@code --debug}) and exits with
 * {@link #exitCode()}.
 */
public class SwarmsnapException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ExitCode exitCode;
  private final String hint;

  public SwarmsnapException(ExitCode exitCode, String message, String hint) {
    this(exitCode, message, hint, null);
  }

  public SwarmsnapException(ExitCode exitCode, String message, String hint, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.exitCode = Objects.requireNonNull(exitCode, "exitCode");
    this.hint = hint;
  }

  public ExitCode exitCode() {
    return exitCode;
  }

  /** What the user should do next, if there is something useful to say. */
  public Optional<String> hint() {
    return Optional.ofNullable(hint).filter(h -> !h.isBlank());
  }
}
