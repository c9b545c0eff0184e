package dev.swarmsnap.logical;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * The cluster-wide settings worth carrying to another swarm.
 *
 * @param swarmSpec the Engine API {@code SwarmSpec}: Orchestration, Raft, Dispatcher, CAConfig
 *     (never keys or certificates), EncryptionConfig, TaskDefaults, Labels, Name
 * @param defaultAddrPool the subnets new overlay networks are cut from (CIDR strings)
 * @param subnetSize the prefix length of each network's subnet from that pool
 * @param dataPathPort the UDP port of overlay data traffic (VXLAN)
 */
public record ClusterSettings(ObjectNode swarmSpec, List<String> defaultAddrPool, int subnetSize, int dataPathPort) {

  public ClusterSettings {
    swarmSpec = Objects.requireNonNull(swarmSpec, "swarmSpec").deepCopy();
    defaultAddrPool = List.copyOf(defaultAddrPool);
  }

  @Override
  public ObjectNode swarmSpec() {
    return swarmSpec.deepCopy();
  }
}
