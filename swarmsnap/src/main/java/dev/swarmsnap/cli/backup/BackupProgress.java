package dev.swarmsnap.cli.backup;

import dev.swarmsnap.cli.CliContext;
import dev.swarmsnap.cli.HumanUnits;
import dev.swarmsnap.core.backup.BackupListener;
import java.io.Console;
import java.util.List;
import java.util.Locale;

/**
 * Steps and warnings on stderr; a byte counter that redraws one line when stderr is a terminal. Asks
 * for confirmation on the terminal.
 */
final class BackupProgress implements BackupListener {
  private final CliContext context;
  private long lastDrawn = -1;

  BackupProgress(CliContext context) {
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
  public boolean confirm(List<String> warnings) {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    warnings.forEach(this::warn);
    String answer = console.readLine("Stop the engine and back up now? [y/N] ");
    return answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
  }

  private void endProgressLine() {
    if (lastDrawn >= 0) {
      context.err().println();
      lastDrawn = -1;
    }
  }
}
