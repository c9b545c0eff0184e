package dev.swarmsnap.cli.repo;

import dev.swarmsnap.cli.HumanUnits;
import dev.swarmsnap.repository.BackupIndex;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The {@code list} table: one backup a line, newest first. */
final class ListText {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final String ROW = "%-12s  %-19s  %-12s  %-20s  %10s  %-8s  %-14s  %s%n";

  private final PrintWriter out;

  ListText(PrintWriter out) {
    this.out = out;
  }

  void print(List<BackupIndex> backups) {
    if (backups.isEmpty()) {
      out.println("no backups");
      out.flush();
      return;
    }
    out.printf(ROW, "ID", "CREATED (UTC)", "CLUSTER", "HOST", "SIZE", "VERIFY", "DRILL (RTO)", "UNLOCK KEY");
    for (BackupIndex b : backups) {
      out.printf(ROW, b.id().substring(0, 12), TIME.format(b.createdAt()), shorten(b.clusterId(), 12),
          shorten(b.hostname(), 20), HumanUnits.bytes(b.sizeBytes()), b.verify().text(), drill(b),
          b.unlockKeyFingerprint().map(f -> shorten(f, 23)).orElse(b.autolock() ? "?" : "-")
              + (b.encrypted() ? " (encrypted)" : ""));
    }
    out.println(backups.size() + (backups.size() == 1 ? " backup" : " backups"));
    out.flush();
  }

  /** The last drill's result and, when it reached a leader, its RTO: {@code passed (12.3s)}. */
  private static String drill(BackupIndex backup) {
    return backup.drill()
        .map(d -> d.result().text() + (d.rtoMillis() > 0 ? String.format(Locale.ROOT, " (%.1fs)", d.rtoMillis() / 1000.0) : ""))
        .orElse("-");
  }

  private static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
