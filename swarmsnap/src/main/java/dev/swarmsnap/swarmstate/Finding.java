package dev.swarmsnap.swarmstate;

/**
 * One verify result.
 *
 * @param check short name of the check (docs/swarm-state-format.md §7.1, e.g. {@code 7 wal-has-snapshot-record})
 * @param level OK, WARN or FAIL
 * @param reason what was found, with file and offset when something is wrong
 */
public record Finding(String check, Level level, String reason) {
  /** Severity. */
  public enum Level {
    OK,
    WARN,
    FAIL
  }
}
