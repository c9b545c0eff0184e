package dev.swarmsnap.core.automation;

import dev.swarmsnap.core.backup.BackupReport;
import dev.swarmsnap.error.ExitCode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One finished run, whatever its result: what hooks and metrics are made from.
 *
 * @param report the backup's report when an archive was written
 * @param message the error message when the run did not succeed, or the designation line when skipped
 */
public record RunOutcome(
    RunResult result,
    ExitCode exitCode,
    Instant startedAt,
    Instant finishedAt,
    Optional<BackupReport> report,
    Optional<String> message) {
  public RunOutcome {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(exitCode, "exitCode");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(message, "message");
  }

  public Duration duration() {
    return Duration.between(startedAt, finishedAt);
  }
}
