package dev.swarmsnap.archive.manifest;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One raft member known at backup time, so a restore can tell which managers existed.
 *
 * @param addr the manager's raft address, {@code ip:port}
 * @param reachability as the engine reported it ({@code reachable}, {@code unreachable}, {@code
 *     unknown}); kept as text so values added by future engines still read
 */
public record ManagerEntry(
    @JsonProperty(value = "node_id", required = true) String nodeId,
    @JsonProperty(value = "hostname", required = true) String hostname,
    @JsonProperty(value = "addr", required = true) String addr,
    @JsonProperty(value = "leader", required = true) boolean leader,
    @JsonProperty(value = "reachability", required = true) String reachability) {

  public ManagerEntry {
    FieldRules.requireSwarmId(nodeId, "node_id");
    FieldRules.requireText(hostname, "hostname");
    FieldRules.requireAddress(addr, "addr");
    FieldRules.requireText(reachability, "reachability");
  }
}
