package dev.swarmsnap.cli.drill;

import dev.swarmsnap.cli.HumanUnits;
import dev.swarmsnap.core.drill.DrillReport;
import dev.swarmsnap.swarmstate.Finding;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Renders a {@link DrillReport} for people. */
final class DrillText {
  private final PrintWriter out;

  DrillText(PrintWriter out) {
    this.out = out;
  }

  void print(DrillReport r, Optional<String> recordedIn) {
    row("Drill", r.passed() ? "PASSED: the backup restores and the sandbox lists every object"
        : "FAILED: " + r.differences().size() + " object kind(s) differ");
    row("Archive", r.archive());
    row("Backup", "node " + r.nodeId() + ", cluster " + r.clusterId());
    row("Sandbox", r.sandbox() + " (engine " + r.engineVersion() + "), removed");
    row("RTO", HumanUnits.seconds(Duration.ofMillis(r.rtoMillis())) + " from the start of the restore to a ready leader; "
        + HumanUnits.seconds(Duration.ofMillis(r.totalMillis())) + " in all");
    row("Objects", r.objects().entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
    out.println("Compared");
    for (Finding f : r.comparisons()) {
      out.printf("  %-4s %s: %s%n", f.level().name().toLowerCase(Locale.ROOT), f.check(), f.reason());
    }
    row("Differences", r.differences().isEmpty() ? "none" : String.valueOf(r.differences().size()));
    r.differences().forEach(d -> out.println("  " + d));
    if (!r.warnings().isEmpty()) {
      out.println("Warnings");
      r.warnings().forEach(w -> out.println("  " + w));
    }
    recordedIn.ifPresent(repo -> row("Recorded", "drill " + (r.passed() ? "passed" : "failed") + " in " + repo));
    out.flush();
  }

  private void row(String label, String value) {
    out.printf("%-11s %s%n", label, value);
  }
}
