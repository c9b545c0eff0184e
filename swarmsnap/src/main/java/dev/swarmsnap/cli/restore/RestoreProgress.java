package dev.swarmsnap.cli.restore;

import dev.swarmsnap.cli.CliContext;
import dev.swarmsnap.cli.HumanUnits;
import dev.swarmsnap.core.restore.RestoreListener;
import dev.swarmsnap.core.restore.RestorePlan;
import java.io.Console;
import java.io.PrintWriter;
import java.util.Locale;

/** Steps and warnings on stderr, a redrawn percentage on a terminal, and the confirmation question. */
final class RestoreProgress implements RestoreListener {
  private final CliContext context;
  private long lastDrawn = -1;

  RestoreProgress(CliContext context) {
    this.context = context;
  }

  @Override
  public void step(String message) {
    endProgressLine();
    context.err().println("==> " + message);
    context.err().flush();
  }

  @Override
  public void warn(String message) {
    endProgressLine();
    context.err().println("warning: " + message);
    context.err().flush();
  }

  @Override
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

  @Override
  public boolean confirm(RestorePlan plan) {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    endProgressLine();
    new RestoreText(new PrintWriter(context.err(), true)).plan(plan);
    String answer = console.readLine("Replace this node's swarm state as above? [y/N] ");
    return answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
  }

  private void endProgressLine() {
    if (lastDrawn >= 0) {
      context.err().println();
      lastDrawn = -1;
    }
  }
}
