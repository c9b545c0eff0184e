package dev.swarmsnap.repository;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Objects;

/**
 * The last restore drill of a stored backup ({@code swarmsnap drill --repo}): the archive restored
 * into a sandbox engine and its objects compared. Field {@code drill} of an index record,
 * docs/repository-format.md; records written before drills existed have none.
 *
 * @param result passed or failed
 * @param at when the drill started
 * @param rtoMillis from the start of the restore to a ready leader; 0 when the restore never got there
 */
public record DrillRecord(
    @JsonProperty(value = "result", required = true) Result result,
    @JsonProperty(value = "at", required = true) Instant at,
    @JsonProperty(value = "rto_ms", required = true) long rtoMillis) {

  /** A drill's outcome; prune keeps a cluster's newest backup whose drill passed. */
  public enum Result {
    PASSED("passed"),
    FAILED("failed");

    private final String text;

    Result(String text) {
      this.text = text;
    }

    @JsonValue
    public String text() {
      return text;
    }
  }

  public DrillRecord {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(at, "at");
    if (rtoMillis < 0) {
      throw new IllegalArgumentException("rto_ms must not be negative");
    }
  }

  public boolean passed() {
    return result == Result.PASSED;
  }
}
