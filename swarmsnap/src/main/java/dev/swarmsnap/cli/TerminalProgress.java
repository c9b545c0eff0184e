package dev.swarmsnap.cli;

import java.io.Console;
import java.util.Locale;

/**
 * Steps and warnings on stderr; a byte counter that redraws one line when a person is watching; a
 * yes/no question on the terminal. Shared by the long-running commands.
 */
public final class TerminalProgress {
  private final CliContext context;
  private long lastDrawn = -1;

  public TerminalProgress(CliContext context) {
    this.context = context;
  }

  public void step(String message) {
    endLine();
    context.err().println("==> " + message);
    context.err().flush();
  }

  public void warn(String message) {
    endLine();
    context.err().println("warning: " + message);
    context.err().flush();
  }

  public void progress(long done, long total) {
    if (!context.interactive()) {
      return;
    }
    long percent = total == 0 ? 100 : done * 100 / total;
    if (percent == lastDrawn) {
      return;
    }
    lastDrawn = percent;
    context.err().printf(Locale.ROOT, "\r    %3d%%  %s of %s", percent, HumanUnits.bytes(done), HumanUnits.bytes(total));
    context.err().flush();
  }

  /** Asks on the terminal; false without one, or unless the answer starts with y. */
  public boolean ask(String question) {
    endLine();
    Console console = System.console();
    if (console == null) {
      return false;
    }
    String answer = console.readLine("%s [y/N] ", question);
    return answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
  }

  /** Finishes a redrawn progress line so the next output starts on its own line. */
  public void endLine() {
    if (lastDrawn >= 0) {
      context.err().println();
      lastDrawn = -1;
    }
  }
}
