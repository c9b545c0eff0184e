package dev.swarmsnap.lab;

import java.util.Objects;
import java.util.Optional;

/**
 * Every failure the lab reports. The message is one line saying what failed (naming the lab, node
 * or program); the hint says what to do next. {@link #kind()} lets callers map it to exit codes.
 */
public class LabException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, coarsely: callers map these to exit codes. */
  public enum Kind {
    /** A lab or node of that name does not exist. */
    NOT_FOUND,
    /** The name, directory or resource is already in use. */
    CONFLICT,
    /** The lab needs root (network namespaces, dockerd). */
    NOT_ROOT,
    /** A program the lab needs is not installed. */
    MISSING_DEPENDENCY,
    /** Bad input: an invalid name, count or path. */
    USAGE,
    /** Anything else: a command failed or timed out. */
    FAILED
  }

  private final Kind kind;
  private final String hint;

  public LabException(Kind kind, String message, String hint) {
    this(kind, message, hint, null);
  }

  public LabException(Kind kind, String message, String hint, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.hint = hint;
  }

  public Kind kind() {
    return kind;
  }

  /** The next step for the user, if there is a useful one. */
  public Optional<String> hint() {
    return Optional.ofNullable(hint).filter(h -> !h.isBlank());
  }
}
