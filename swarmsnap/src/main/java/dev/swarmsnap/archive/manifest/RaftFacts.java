package dev.swarmsnap.archive.manifest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import java.util.Optional;

/**
 * Raft positions read from the backed-up files, when they could be read (an autolocked swarm's
 * WAL cannot be decrypted without the unlock key, docs/swarm-state-format.md §2).
 */
public record RaftFacts(
    @JsonProperty("snapshot_index") Optional<Long> snapshotIndex,
    @JsonProperty("last_log_index") Optional<Long> lastLogIndex) {

  public static final RaftFacts UNKNOWN = new RaftFacts(Optional.empty(), Optional.empty());

  public RaftFacts {
    snapshotIndex = Objects.requireNonNullElse(snapshotIndex, Optional.empty());
    lastLogIndex = Objects.requireNonNullElse(lastLogIndex, Optional.empty());
    if (snapshotIndex.orElse(0L) < 0 || lastLogIndex.orElse(0L) < 0) {
      throw new IllegalArgumentException("raft indexes must not be negative");
    }
  }
}
