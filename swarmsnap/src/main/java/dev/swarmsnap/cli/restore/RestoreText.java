package dev.swarmsnap.cli.restore;

import dev.swarmsnap.cli.HumanUnits;
import dev.swarmsnap.core.replace.RestorePlan;
import dev.swarmsnap.core.restore.RestoreReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Renders a {@link RestoreReport} (or a dry run's plan) for people. */
public final class RestoreText {
  private final PrintWriter out;

  public RestoreText(PrintWriter out) {
    this.out = out;
  }

  void print(RestoreReport r) {
    if (r.dryRun()) {
      out.println("Dry run: nothing was changed. The restore would do this:");
      plan(r.plan());
      out.flush();
      return;
    }
    row("Archive", r.archive());
    row("Node", r.hostname() + " (" + r.nodeId() + "), cluster " + r.clusterId() + ", advertising " + r.advertiseAddr());
    row("Leader", r.leader() ? "yes: this node leads a new one-manager cluster" : "no");
    row("Objects", r.objects().entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
    row("Swarm dir", r.swarmDir() + r.movedAsideTo().map(a -> " (previous one kept at " + a + ")").orElse(""));
    row("Downtime", HumanUnits.seconds(Duration.ofMillis(r.downtimeMillis())) + " until the node led; "
        + HumanUnits.seconds(Duration.ofMillis(r.totalMillis())) + " in all");
    if (!r.removedManagers().isEmpty()) {
      row("Removed", "stale managers " + String.join(", ", r.removedManagers()));
    }
    row("Autolock", r.autolock() ? "on again; the new unlock key went to " + r.newUnlockKey().orElse("?") : "off");
    list("Done", r.stepsDone());
    list("Warnings", r.warnings());
    list("Next", r.nextSteps());
    out.flush();
  }

  public void plan(RestorePlan plan) {
    list("Checks", plan.checks());
    int n = 1;
    out.println("Steps");
    for (String step : plan.steps()) {
      out.printf("  %d. %s%n", n++, step);
    }
    list("Warnings", plan.warnings());
    list("Refused", plan.refusals());
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
