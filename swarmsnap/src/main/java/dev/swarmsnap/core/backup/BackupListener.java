package dev.swarmsnap.core.backup;

import java.util.List;

/** What a backup tells the person watching it, and what it may ask. Implemented by the CLI. */
public interface BackupListener {
  /** A step begins; one line on a terminal. */
  void step(String message);

  /** Something the user must know (outage, leader, where to keep the unlock key). */
  void warn(String message);

  /** Bytes of the archive written so far. */
  void progress(long done, long total);

  /**
   * A named moment of the run is reached ({@code preflight}, {@code copying}, ...): a point where a
   * test may pick to kill the process (docs/architecture.md, "Kill points"). Nothing by default.
   */
  default void reached(String phase) {}

  /** Asks before stopping the engine; false means stop here. */
  boolean confirm(List<String> warnings);
}
