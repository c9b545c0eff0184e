package dev.swarmsnap.testing.fakes;

/**
 * Stands for the death of swarmsnap at a given point: an {@link Error}, so no {@code catch
 * (RuntimeException)} rollback runs. Finally blocks still run, as the shutdown hook would on SIGTERM;
 * {@code kill -9} itself is the watchdog's case ({@code WatchdogTest}).
 */
public final class ToolKilled extends Error {
  private static final long serialVersionUID = 1L;

  public ToolKilled(String message) {
    super(message);
  }
}
