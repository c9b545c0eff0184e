package dev.swarmsnap.cli.drill;

import dev.swarmsnap.cli.CliContext;
import dev.swarmsnap.cli.restore.RestoreProgress;
import dev.swarmsnap.core.replace.RestoreListener;
import dev.swarmsnap.core.replace.RestorePlan;

/**
 * A drill's steps on the terminal, as a restore shows them; remembers whether the sandbox came up,
 * which tells a failure of the backup's restore from one of this host's sandbox.
 */
final class DrillProgress implements RestoreListener {
  static final String SANDBOX_READY = "sandbox-ready";

  private final RestoreProgress terminal;
  private volatile boolean sandboxReached;

  DrillProgress(CliContext context) {
    this.terminal = new RestoreProgress(context);
  }

  boolean sandboxReached() {
    return sandboxReached;
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
  public void reached(String phase) {
    if (phase.equals(SANDBOX_READY)) {
      sandboxReached = true;
    }
    terminal.reached(phase);
  }

  /** A drill asks nobody: the sandbox is its own. */
  @Override
  public boolean confirm(RestorePlan plan) {
    return true;
  }
}
