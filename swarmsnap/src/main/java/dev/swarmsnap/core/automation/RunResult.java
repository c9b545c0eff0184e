package dev.swarmsnap.core.automation;

import dev.swarmsnap.error.ExitCode;
import java.util.Locale;

/** How one backup run ended, as hooks ({@code SWARMSNAP_RESULT}) and metrics name it. */
public enum RunResult {
  /** The archive was written and verified. */
  SUCCESS,
  /** Something went wrong; nothing usable was written. */
  FAILED,
  /** Refused because backing up here and now is unsafe (exit code 3), or a pre hook said no. */
  REFUSED,
  /** The archive was written here, but copying it to the repository failed (exit code 11). */
  PARTIAL,
  /** A scheduled run on a manager that is not the designated one: nothing to do. */
  SKIPPED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The result of a run that ended with {@code code}. */
  public static RunResult of(ExitCode code) {
    return switch (code) {
      case OK -> SUCCESS;
      case UNSAFE -> REFUSED;
      case PARTIAL -> PARTIAL;
      default -> FAILED;
    };
  }
}
