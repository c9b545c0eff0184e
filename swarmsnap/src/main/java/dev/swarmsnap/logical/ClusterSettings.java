package dev.swarmsnap.logical;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The cluster-wide settings worth carrying to another swarm.
 *
 * @param swarmSpec the Engine API {@code SwarmSpec}: Orchestration, Raft, Dispatcher, CAConfig
 *     (never keys or certificates), EncryptionConfig, TaskDefaults, Labels, Name
 * @param defaultAddrPool the subnets new overlay networks are cut from (CIDR strings)
 * @param subnetSize the prefix length of each network's subnet from that pool
 * @param dataPathPort the UDP port of overlay data traffic (VXLAN)
 * @param ingress the spec of the engine's ingress network (a network-create request: IPAM, Options,
 *     Labels), never applied, only compared; empty when the source has none or predates it
 */
public record ClusterSettings(ObjectNode swarmSpec, List<String> defaultAddrPool, int subnetSize, int dataPathPort,
    Optional<ObjectNode> ingress) {

  public ClusterSettings {
    swarmSpec = Objects.requireNonNull(swarmSpec, "swarmSpec").deepCopy();
    defaultAddrPool = List.copyOf(defaultAddrPool);
    ingress = Objects.requireNonNull(ingress, "ingress").map(ObjectNode::deepCopy);
  }

  /** Settings without an ingress spec. */
  public ClusterSettings(ObjectNode swarmSpec, List<String> defaultAddrPool, int subnetSize, int dataPathPort) {
    this(swarmSpec, defaultAddrPool, subnetSize, dataPathPort, Optional.empty());
  }

  @Override
  public Optional<ObjectNode> ingress() {
    return ingress.map(ObjectNode::deepCopy);
  }

  @Override
  public ObjectNode swarmSpec() {
    return swarmSpec.deepCopy();
  }
}
