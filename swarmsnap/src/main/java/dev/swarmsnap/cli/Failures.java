package dev.swarmsnap.cli;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.lab.LabException;

/**
 * Maps exceptions that reach the CLI to {@link SwarmsnapException}s with an exit code and hint.
 * Modules that do not know swarmsnap's error model (the lab) are translated here, at the edge.
 */
final class Failures {
  private Failures() {}

  /** Returns the known failure behind {@code ex}, or null when it is a bug. */
  static SwarmsnapException translate(Throwable ex) {
    if (ex instanceof SwarmsnapException known) {
      return known;
    }
    if (ex instanceof LabException lab) {
      return new SwarmsnapException(exitCode(lab.kind()), lab.getMessage(), lab.hint().orElse(null), lab);
    }
    return null;
  }

  static ExitCode exitCode(LabException.Kind kind) {
    return switch (kind) {
      case NOT_FOUND -> ExitCode.NOT_FOUND;
      case CONFLICT -> ExitCode.CONFLICT;
      case NOT_ROOT -> ExitCode.NOT_ROOT;
      case MISSING_DEPENDENCY -> ExitCode.MISSING_DEPENDENCY;
      case USAGE -> ExitCode.USAGE;
      case FAILED -> ExitCode.FAILED;
    };
  }
}
