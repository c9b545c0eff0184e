package dev.swarmsnap.archive.manifest;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The backed-up node's swarm role at backup time. */
public enum SwarmRole {
  @JsonProperty("manager")
  MANAGER,
  @JsonProperty("worker")
  WORKER
}
