package dev.swarmsnap.cli.prune;

import dev.swarmsnap.cli.HumanUnits;
import dev.swarmsnap.core.repository.PruneReport;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** What prune kept, with its reasons, and what it removed. */
final class PruneText {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private final PrintWriter out;

  PruneText(PrintWriter out) {
    this.out = out;
  }

  void print(PruneReport r) {
    out.println((r.dryRun() ? "Dry run: nothing removed. " : "") + "Policy: " + r.policy() + " (" + r.repository() + ")");
    out.println();
    out.println((r.dryRun() ? "Would keep " : "Kept ") + r.keep().size() + ":");
    for (PruneReport.Entry e : r.keep()) {
      out.println("  " + line(e) + "  " + String.join(", ", e.reasons()));
    }
    out.println((r.dryRun() ? "Would remove " : "Removed ") + r.remove().size() + ":");
    for (PruneReport.Entry e : r.remove()) {
      out.println("  " + line(e));
    }
    out.flush();
  }

  private static String line(PruneReport.Entry e) {
    return String.format("%-12s  %s  %-12s  %-16s  %9s  %-7s", e.id().substring(0, 12), TIME.format(e.createdAt()),
        e.clusterId().substring(0, Math.min(12, e.clusterId().length())), e.hostname(), HumanUnits.bytes(e.sizeBytes()),
        e.verify().text());
  }
}
