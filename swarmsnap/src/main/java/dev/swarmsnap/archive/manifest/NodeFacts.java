package dev.swarmsnap.archive.manifest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The node whose swarm directory was backed up; a backup is per node because each manager has its
 * own TLS key and raft DEK (docs/swarm-state-format.md §2.2).
 *
 * @param leader whether this node was the raft leader at backup time
 */
public record NodeFacts(
    @JsonProperty(value = "hostname", required = true) String hostname,
    @JsonProperty(value = "node_id", required = true) String nodeId,
    @JsonProperty(value = "cluster_id", required = true) String clusterId,
    @JsonProperty(value = "role", required = true) SwarmRole role,
    @JsonProperty(value = "leader", required = true) boolean leader) {

  public NodeFacts {
    Objects.requireNonNull(hostname, "hostname");
    requireNonBlank(nodeId, "node_id");
    requireNonBlank(clusterId, "cluster_id");
    Objects.requireNonNull(role, "role");
  }

  private static void requireNonBlank(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
