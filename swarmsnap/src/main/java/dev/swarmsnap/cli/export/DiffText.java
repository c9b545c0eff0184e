package dev.swarmsnap.cli.export;

import dev.swarmsnap.cli.TerminalText;
import dev.swarmsnap.logical.DocumentDiff;
import java.io.PrintWriter;

/**
 * {@code diff} for people: one line per object ({@code +} added, {@code -} removed, {@code ~}
 * changed) with the changed paths indented below, then a count. Names are escaped: they come from
 * the input.
 */
final class DiffText {
  private final PrintWriter out;

  DiffText(PrintWriter out) {
    this.out = out;
  }

  void print(DocumentDiff.Changes changes) {
    for (DocumentDiff.ObjectChange c : changes.objects()) {
      String mark = switch (c.change()) {
        case ADDED -> "+";
        case REMOVED -> "-";
        case CHANGED -> "~";
      };
      out.println(mark + " " + c.kind().label() + "/" + TerminalText.escape(c.name()));
      c.paths().forEach(p -> out.println("    " + TerminalText.escape(p)
          + (p.equals(DocumentDiff.VALUE_PATH) ? " (secret value differs; compared by digest)" : "")));
    }
    if (!changes.cluster().isEmpty()) {
      out.println("~ cluster");
      changes.cluster().forEach(p -> out.println("    " + TerminalText.escape(p)));
    }
    int n = changes.objects().size() + (changes.cluster().isEmpty() ? 0 : 1);
    out.println(n == 0 ? "no differences" : n + (n == 1 ? " difference" : " differences"));
    out.flush();
  }
}
