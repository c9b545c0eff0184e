package dev.swarmsnap.cli.backup;

import dev.swarmsnap.cli.CliContext;
import dev.swarmsnap.cli.TerminalProgress;
import dev.swarmsnap.cli.TestPause;
import dev.swarmsnap.core.backup.BackupListener;
import java.util.List;

/** A backup's steps, warnings and progress on the terminal; asks before an outage. */
final class BackupProgress implements BackupListener {
  private final TestPause pause;
  private final TerminalProgress terminal;

  BackupProgress(CliContext context) {
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
  public boolean confirm(List<String> warnings) {
    warnings.forEach(terminal::warn);
    return terminal.ask("Stop the engine and back up now?");
  }

  @Override
  public void reached(String phase) {
    pause.reached(phase);
  }
}
