package dev.swarmsnap.archive.manifest;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a manifest entry is. Archives never hold links or special files. */
public enum FileKind {
  @JsonProperty("file")
  FILE,
  @JsonProperty("dir")
  DIRECTORY
}
