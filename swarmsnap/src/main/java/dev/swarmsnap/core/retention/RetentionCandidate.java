package dev.swarmsnap.core.retention;

import java.time.Instant;
import java.util.Objects;

/** One backup as retention sees it: an ID and the time it was taken. */
public record RetentionCandidate(String id, Instant time) {
  public RetentionCandidate {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(time, "time");
  }
}
