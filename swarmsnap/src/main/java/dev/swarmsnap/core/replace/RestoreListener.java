package dev.swarmsnap.core.replace;

/** What a restore tells the person watching it, and what it may ask. Implemented by the CLI. */
public interface RestoreListener {
  /** A step begins; one line on a terminal. */
  void step(String message);

  /** Something the user must know. */
  void warn(String message);

  /** Bytes extracted so far. */
  void progress(long done, long total);

  /**
   * A named moment of the run is reached ({@code stopping}, {@code swap-in}, ...): a point where a
   * test may pick to kill the process (docs/architecture.md, "Kill points"). Nothing by default.
   */
  default void reached(String phase) {}

  /** Shows the plan and asks before anything changes; false means stop here. */
  boolean confirm(RestorePlan plan);
}
