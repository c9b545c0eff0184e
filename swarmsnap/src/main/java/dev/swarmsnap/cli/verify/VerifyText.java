package dev.swarmsnap.cli.verify;

import dev.swarmsnap.cli.TerminalText;
import dev.swarmsnap.core.verify.Verification;
import dev.swarmsnap.swarmstate.Finding;
import java.io.PrintWriter;

/** Renders a {@link Verification}: one line per check, then the verdict. */
final class VerifyText {
  private final PrintWriter out;

  VerifyText(PrintWriter out) {
    this.out = out;
  }

  void print(Verification v) {
    out.println("Verifying " + TerminalText.escape(v.source()) + (v.archive() ? " (archive)" : ""));
    for (Finding f : v.findings()) {
      out.printf("  %-4s %-26s %s%n", f.level(), f.check(), TerminalText.escape(f.reason()));
    }
    long failed = v.findings().stream().filter(f -> f.level() == Finding.Level.FAIL).count();
    long warned = v.findings().stream().filter(f -> f.level() == Finding.Level.WARN).count();
    out.println(failed > 0
        ? "FAILED: " + failed + " check(s) failed" + (warned > 0 ? ", " + warned + " warning(s)" : "")
        : "OK: " + v.findings().size() + " checks passed" + (warned > 0 ? " (" + warned + " warning(s))" : ""));
    out.flush();
  }
}
