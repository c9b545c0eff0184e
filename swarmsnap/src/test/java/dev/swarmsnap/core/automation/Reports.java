package dev.swarmsnap.core.automation;

import dev.swarmsnap.archive.manifest.BackupMode;
import dev.swarmsnap.core.backup.BackupReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A finished backup's report with plausible values. */
final class Reports {
  static final Instant CREATED = Instant.parse("2026-11-25T03:00:00Z");
  static final Instant CERT_EXPIRY = Instant.parse("2027-02-23T03:00:00Z");

  private Reports() {}

  static BackupReport of(String archive, long bytes) {
    return new BackupReport(archive, bytes, "ab".repeat(32), CREATED, "cluster1", "node1", "m2", "20.10.24",
        "pid", false, Optional.empty(), 4096, new BackupReport.Timings(100, 200, 1200), 1500, 4000, 9000,
        Map.of("services", 3, "networks", 2, "configs", 1, "secrets", 1, "nodes", 4, "tasks", 6),
        10, 42, List.of(), Optional.of(CERT_EXPIRY), BackupMode.COLD, 1, Optional.empty());
  }
}
