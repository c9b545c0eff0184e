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
    FieldRules.requireText(hostname, "hostname");
    FieldRules.requireSwarmId(nodeId, "node_id");
    FieldRules.requireSwarmId(clusterId, "cluster_id");
    Objects.requireNonNull(role, "role");
  }
}
