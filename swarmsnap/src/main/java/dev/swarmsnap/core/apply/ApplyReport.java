package dev.swarmsnap.core.apply;

import java.util.List;
import java.util.Optional;

/**
 * What an apply did. When a step failed, it stopped there: {@code applied} were done, {@code failed}
 * says which step and why, {@code notAttempted} were not tried; running the same apply again
 * continues, since what was applied then plans as unchanged.
 */
public record ApplyReport(List<AppliedStep> applied, Optional<Failure> failed, List<String> notAttempted) {
  public ApplyReport {
    applied = List.copyOf(applied);
    notAttempted = List.copyOf(notAttempted);
  }

  /** The step that failed ({@code kind/name}) and the engine's reason. */
  public record Failure(String object, String reason) {}

  public boolean complete() {
    return failed.isEmpty();
  }
}
