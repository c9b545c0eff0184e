package dev.swarmsnap.cli.repo;

import dev.swarmsnap.cli.HumanUnits;
import dev.swarmsnap.repository.BackupIndex;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The {@code list} table: one backup a line, newest first. */
final class ListText {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final String ROW = "%-12s  %-19s  %-12s  %-20s  %10s  %-8s  %s%n";

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
    out.printf(ROW, "ID", "CREATED (UTC)", "CLUSTER", "HOST", "SIZE", "VERIFY", "UNLOCK KEY");
    for (BackupIndex b : backups) {
      out.printf(ROW, b.id().substring(0, 12), TIME.format(b.createdAt()), shorten(b.clusterId(), 12),
          shorten(b.hostname(), 20), HumanUnits.bytes(b.sizeBytes()), b.verify().text(),
          b.unlockKeyFingerprint().map(f -> shorten(f, 23)).orElse(b.autolock() ? "?" : "-")
              + (b.encrypted() ? " (encrypted)" : ""));
    }
    out.println(backups.size() + (backups.size() == 1 ? " backup" : " backups"));
    out.flush();
  }

  private static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
