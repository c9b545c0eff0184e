package dev.swarmsnap.cli.backup;

import dev.swarmsnap.cli.HumanUnits;
import dev.swarmsnap.archive.manifest.BackupMode;
import dev.swarmsnap.core.backup.BackupReport;
import dev.swarmsnap.core.repository.UploadOutcome;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.stream.Collectors;

/** Renders a {@link BackupReport} for people. */
final class BackupText {
  private final PrintWriter out;

  BackupText(PrintWriter out) {
    this.out = out;
  }

  void print(BackupReport r) {
    row("Archive", r.archive());
    row("Size", HumanUnits.bytes(r.archiveBytes()) + " (" + HumanUnits.bytes(r.realDataBytes()) + " of real swarm data)");
    row("SHA-256", r.archiveSha256());
    row("Node", r.hostname() + " (" + r.nodeId() + "), cluster " + r.clusterId() + ", engine " + r.engineVersion());
    if (r.mode() == BackupMode.HOT) {
      row("Mode", "hot: the engine kept running; copied in "
          + HumanUnits.seconds(Duration.ofMillis(r.outage().copyMillis()))
          + (r.copyAttempts() > 1 ? " on try " + r.copyAttempts() + " (the state changed during earlier copies)" : ""));
      r.walCut().ifPresent(c -> row("WAL cut", c.bytesDropped() + " bytes of a torn final record dropped from "
          + c.segment() + "; last index kept " + c.lastIndexKept()));
    } else {
      row("Downtime", HumanUnits.seconds(Duration.ofMillis(r.downtimeMillis())) + " engine down, "
          + HumanUnits.seconds(Duration.ofMillis(r.readyMillis())) + " until the node was a ready manager again");
      row("", "(stop " + HumanUnits.seconds(Duration.ofMillis(r.outage().stopMillis()))
          + ", copy " + HumanUnits.seconds(Duration.ofMillis(r.outage().copyMillis()))
          + ", start " + HumanUnits.seconds(Duration.ofMillis(r.outage().startMillis())) + ")");
    }
    row("Raft", "snapshot index " + r.raftSnapshotIndex() + ", last index " + r.raftLastIndex());
    row("Objects", r.objects().entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
    row("Autolock", r.autolock() ? "on; restore needs the unlock key " + r.unlockKeyFingerprint().orElse("") : "off");
    row("Took", HumanUnits.seconds(Duration.ofMillis(r.totalMillis())) + " in all");
    out.flush();
  }

  void print(UploadOutcome u) {
    if (u.stored()) {
      row("Stored", u.repository() + " as backup " + u.id().substring(0, 12)
          + (u.localRemoved() ? " (local archive removed)" : ""));
    } else {
      row("Stored", "NO: " + u.error().orElse("storing failed") + " (the local archive is kept)");
    }
    out.flush();
  }

  private void row(String label, String value) {
    out.printf("%-10s %s%n", label, value);
  }
}
