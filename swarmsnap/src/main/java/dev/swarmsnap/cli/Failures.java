package dev.swarmsnap.cli;

import dev.swarmsnap.error.SwarmsnapException;

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
    return null;
  }
}
