package dev.swarmsnap.cli.restore;

import dev.swarmsnap.cli.CliContext;
import dev.swarmsnap.cli.TerminalProgress;
import dev.swarmsnap.cli.TestPause;
import dev.swarmsnap.core.replace.RestoreListener;
import dev.swarmsnap.core.replace.RestorePlan;
import java.io.PrintWriter;

/** A restore's steps, warnings and progress on the terminal; shows the plan and asks before acting. */
public final class RestoreProgress implements RestoreListener {
  private final TestPause pause;
  private final CliContext context;
  private final TerminalProgress terminal;
  private final java.util.Set<String> reached = java.util.concurrent.ConcurrentHashMap.newKeySet();

  public RestoreProgress(CliContext context) {
    this.context = context;
    this.terminal = new TerminalProgress(context);
    this.pause = new TestPause(context);
  }

  @Override
  public void step(String message) {
    terminal.step(message);
  }

  @Override
  public void warn(String message) {
    terminal.warn(message);
  }

  @Override
  public void progress(long done, long total) {
    terminal.progress(done, total);
  }

  @Override
  public boolean confirm(RestorePlan plan) {
    if (System.console() == null) {
      return false;
    }
    terminal.endLine();
    new RestoreText(new PrintWriter(context.err(), true)).plan(plan);
    return terminal.ask("Replace this node's swarm state as above?");
  }

  @Override
  public void reached(String phase) {
    reached.add(phase);
    pause.reached(phase);
  }

  /** Whether the run got to {@code phase} (the drill asks whether its sandbox came up). */
  public boolean hasReached(String phase) {
    return reached.contains(phase);
  }
}
