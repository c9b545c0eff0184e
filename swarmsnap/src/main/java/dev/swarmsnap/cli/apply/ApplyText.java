package dev.swarmsnap.cli.apply;

import dev.swarmsnap.cli.TerminalText;
import dev.swarmsnap.core.apply.ApplyAction;
import dev.swarmsnap.core.apply.ApplyPlan;
import dev.swarmsnap.core.apply.ApplyReport;
import dev.swarmsnap.core.apply.AppliedStep;
import dev.swarmsnap.core.apply.PlannedStep;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The plan and the report of {@code apply} as text: one line per object, escaped. */
final class ApplyText {
  private final PrintWriter out;

  ApplyText(PrintWriter out) {
    this.out = TerminalText.writer(out);
  }

  void plan(ApplyPlan plan, String source, String target) {
    out.println("Plan: " + source + " -> " + target);
    for (PlannedStep step : plan.steps()) {
      StringBuilder line = new StringBuilder("  ")
          .append(String.format(Locale.ROOT, "%-12s", word(step.action())))
          .append(step.key());
      if (!step.changedFields().isEmpty()) {
        line.append(": ").append(String.join(", ", step.changedFields()));
      }
      if (!step.note().isEmpty()) {
        line.append(" (").append(step.note()).append(')');
      }
      out.println(TerminalText.escape(line.toString()));
    }
    plan.notes().forEach(note -> out.println("Note: " + TerminalText.escape(note)));
    plan.problems().forEach(problem -> out.println("Problem: " + TerminalText.escape(problem)));
    out.println(summary(plan));
    out.flush();
  }

  void report(ApplyReport report) {
    for (AppliedStep step : report.applied()) {
      out.println(TerminalText.escape("  " + (switch (step.action()) {
        case CREATE -> "created ";
        case ROTATE -> "rotated ";
        default -> "updated ";
      })
          + step.key() + " (" + step.id() + ")"));
    }
    report.failed().ifPresent(failure -> {
      out.println(TerminalText.escape("  FAILED  " + failure.object() + ": " + failure.reason()));
      report.notAttempted().forEach(key -> out.println(TerminalText.escape("  not attempted  " + key)));
    });
    out.println(report.complete()
        ? "Applied " + report.applied().size() + " change(s)."
        : "Applied " + report.applied().size() + " change(s), then stopped.");
    out.flush();
  }

  private static String summary(ApplyPlan plan) {
    Map<String, Integer> counts = new TreeMap<>();
    plan.steps().forEach(step -> counts.merge(word(step.action()), 1, Integer::sum));
    if (counts.isEmpty()) {
      return "Nothing selected.";
    }
    StringBuilder text = new StringBuilder();
    counts.forEach((word, n) -> text.append(text.isEmpty() ? "" : ", ").append(n).append(' ').append(word));
    return text.append('.').toString();
  }

  private static String word(ApplyAction action) {
    return switch (action) {
      case CREATE -> "create";
      case UPDATE -> "update";
      case UNCHANGED -> "unchanged";
      case SKIP -> "skip";
      case CONFLICT -> "conflict";
      case ENGINE_OWNED -> "engine-owned";
      case ROTATE -> "rotate";
    };
  }
}
