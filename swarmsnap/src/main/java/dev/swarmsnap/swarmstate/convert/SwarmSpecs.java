package dev.swarmsnap.swarmstate.convert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * Every user object of a swarm's store in the Engine API's JSON shape, each list sorted by name.
 * Networks the engine owns (ingress, predefined bridge and host) and swarmkit's internal secrets
 * are left out.
 *
 * @param cluster the cluster's settings; empty if the store has no cluster object
 */
public record SwarmSpecs(
    Optional<Cluster> cluster,
    List<SpecObject> networks,
    List<SpecObject> secrets,
    List<SpecObject> configs,
    List<SpecObject> services) {

  public SwarmSpecs {
    networks = List.copyOf(networks);
    secrets = List.copyOf(secrets);
    configs = List.copyOf(configs);
    services = List.copyOf(services);
  }

  /**
   * The cluster object's settings worth carrying.
   *
   * @param swarmSpec the Engine API {@code SwarmSpec}
   * @param dataPathPort the VXLAN port as stored (0: the default, 4789)
   * @param ingress the ingress network's spec as a network-create request; empty when the store has none
   */
  public record Cluster(String id, ObjectNode swarmSpec, List<String> defaultAddrPool, int subnetSize, int dataPathPort,
      Optional<ObjectNode> ingress) {
    public Cluster {
      swarmSpec = swarmSpec.deepCopy();
      defaultAddrPool = List.copyOf(defaultAddrPool);
      ingress = ingress.map(ObjectNode::deepCopy);
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
}
