package dev.swarmsnap.cli.recover;

import dev.swarmsnap.cli.HumanUnits;
import dev.swarmsnap.cli.restore.RestoreText;
import dev.swarmsnap.core.recover.RecoverReport;
import dev.swarmsnap.swarmstate.Finding;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Renders a {@link RecoverReport} (or a dry run's plan) for people. */
final class RecoverText {
  private final PrintWriter out;

  RecoverText(PrintWriter out) {
    this.out = out;
  }

  void print(RecoverReport r) {
    if (r.dryRun()) {
      out.println("Dry run: nothing was changed. The recovery would do this:");
      new RestoreText(out).plan(r.plan());
      out.flush();
      return;
    }
    row("Quorum", "was lost: " + r.quorum().answering().size() + " of " + r.quorum().knownManagers().size()
        + " managers answered");
    row("Node", r.hostname() + " (" + r.nodeId() + "), cluster " + r.clusterId() + ", advertising " + r.advertiseAddr());
    row("Leader", r.leader() ? "yes: this node leads a new one-manager cluster" : "no");
    row("Objects", r.objects().entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
    row("Compared", r.objectsMatch() ? "services, networks, configs and secrets as before" : "DIFFERENCES, see below");
    for (Finding f : r.comparison()) {
      if (f.level() != Finding.Level.OK) {
        out.println("  " + f.level() + " " + f.check() + ": " + f.reason());
      }
    }
    row("Swarm dir", r.swarmDir() + r.movedAsideTo().map(a -> " (original kept at " + a + ")").orElse(""));
    row("Downtime", HumanUnits.seconds(Duration.ofMillis(r.downtimeMillis())) + " until the node led; "
        + HumanUnits.seconds(Duration.ofMillis(r.totalMillis())) + " in all");
    row("Autolock", r.autolock() ? "on again; the new unlock key went to " + r.newUnlockKey().orElse("?") : "off");
    list("Done", r.stepsDone());
    list("Warnings", r.warnings());
    list("Next", r.nextSteps());
    out.flush();
  }

  private void list(String label, List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    out.println(label);
    items.forEach(i -> out.println("  - " + i));
  }

  private void row(String label, String value) {
    out.printf("%-10s %s%n", label, value);
  }
}
