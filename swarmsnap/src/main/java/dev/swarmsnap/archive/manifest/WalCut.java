package dev.swarmsnap.archive.manifest;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The torn final WAL record a hot backup cut off its copy (docs/archive-format.md §3): the engine
 * was writing it while the segment was copied. The archive holds the segment already cut.
 *
 * @param segment the segment's path in the archive ({@code swarm/raft/...})
 * @param bytesDropped bytes removed after the last good record
 * @param lastIndexKept the raft index of the last entry the cut copy holds
 */
public record WalCut(
    @JsonProperty(value = "segment", required = true) String segment,
    @JsonProperty(value = "bytes_dropped", required = true) long bytesDropped,
    @JsonProperty(value = "last_index_kept", required = true) long lastIndexKept) {
  public WalCut {
    FieldRules.requireText(segment, "wal_cut.segment");
    FieldRules.requireLength(bytesDropped, "wal_cut.bytes_dropped");
    if (lastIndexKept < 0) {
      throw new IllegalArgumentException("wal_cut.last_index_kept must not be negative");
    }
  }
}
