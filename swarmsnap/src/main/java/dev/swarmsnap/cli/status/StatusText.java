package dev.swarmsnap.cli.status;

import dev.swarmsnap.cli.HumanUnits;
import dev.swarmsnap.core.status.StatusReport;
import dev.swarmsnap.core.status.SwarmDirectoryFacts;
import dev.swarmsnap.core.status.Verdict;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;

/** Renders a {@link StatusReport} for people. */
final class StatusText {
  private final PrintWriter out;
  private final Clock clock;

  StatusText(PrintWriter out, Clock clock) {
    this.out = out;
    this.clock = clock;
  }

  void print(StatusReport r) {
    String position = r.role().equals("manager") ? (r.leader() ? "manager, leader" : "manager") : r.role();
    row("Node", r.hostname() + (r.nodeId().isBlank() ? "" : " (" + r.nodeId() + ")") + ", " + position);
    row("Engine", r.engineVersion() + ", API " + r.apiVersion() + " at " + r.endpoint());
    row("Swarm", r.swarmState()
        + r.clusterId().map(id -> ", cluster " + id).orElse("")
        + r.autolock().map(on -> ", autolock " + (on ? "on" : "off")).orElse(""));
    r.quorum().ifPresent(q -> row("Managers", q.reachable() + " of " + q.managers() + " reachable; quorum needs "
        + q.needed() + "; " + q.canLose() + " more may be lost"));
    for (StatusReport.ManagerView m : r.managers()) {
      out.printf("  %-20s %-22s %-11s %s%s%n", m.hostname(), m.address(), m.reachability(),
          m.leader() ? "leader" : "follower", m.self() ? "  <- this node" : "");
    }
    directory(r.swarmDirectory());
    verdict(r);
    out.flush();
  }

  private void directory(SwarmDirectoryFacts d) {
    if (d.problem().isPresent()) {
      row("Swarm dir", d.problem().get());
      return;
    }
    StringBuilder line = new StringBuilder(d.path());
    d.allocatedBytes().ifPresent(b -> line.append(": ").append(HumanUnits.bytes(b)).append(" on disk"));
    d.realDataBytes().ifPresent(b -> line.append(", ").append(HumanUnits.bytes(b)).append(" of real data"));
    row("Swarm dir", line.toString());
    Instant now = clock.instant();
    d.nodeCertificateExpiry().ifPresent(t -> row("Node cert", "expires " + HumanUnits.expiry(t, now)));
    d.caCertificateExpiry().ifPresent(t -> row("CA cert", "expires " + HumanUnits.expiry(t, now)));
  }

  private void verdict(StatusReport r) {
    Verdict verdict = r.safety().verdict();
    String head = switch (verdict) {
      case SAFE -> "SAFE to take a cold backup here now";
      case SAFE_WITH_OUTAGE -> "SAFE, WITH AN OUTAGE of the management API";
      case UNSAFE -> "NOT SAFE to take a cold backup here now";
    };
    row("Verdict", head);
    r.safety().reasons().forEach(reason -> out.println("  - " + reason));
    r.safety().suggestion().ifPresent(s -> out.println("  next: " + s));
    row("Hot", r.hotBackup().reason());
  }

  private void row(String label, String value) {
    out.printf("%-10s %s%n", label, value);
  }
}
