package dev.swarmsnap.archive.manifest;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A hot backup's raise of the copied WAL's commit index (docs/archive-format.md §3,
 * docs/engine-behaviour.md §4.6): the running engine had not yet written the commit index of its
 * last entries; the backup appended the HardState record it would have written, up to the highest
 * index its API view proves committed.
 *
 * @param onDisk the commit index the engine had written
 * @param raisedTo the commit index the archive's WAL holds
 */
public record CommitRaise(
    @JsonProperty(value = "on_disk", required = true) long onDisk,
    @JsonProperty(value = "raised_to", required = true) long raisedTo) {
  public CommitRaise {
    if (onDisk < 0 || raisedTo <= onDisk) {
      throw new IllegalArgumentException("commit_raise must go up: on_disk >= 0 and raised_to > on_disk");
    }
  }
}
