package dev.swarmsnap.cli.drill;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.swarmsnap.core.drill.DrillReport;
import java.util.Optional;

/**
 * {@code drill --json}: the result first, then the report.
 *
 * @param result {@code passed} or {@code failed}
 * @param recordedIn the repository whose index record now holds the result, with {@code --repo}
 */
record DrillJson(
    @JsonProperty("result") String result,
    @JsonProperty("rto_seconds") double rtoSeconds,
    @JsonProperty("recorded_in") Optional<String> recordedIn,
    @JsonProperty("drill") DrillReport drill) {
  static DrillJson of(DrillReport report, Optional<String> recordedIn) {
    return new DrillJson(report.passed() ? "passed" : "failed", report.rtoMillis() / 1000.0, recordedIn, report);
  }
}
