package dev.swarmsnap.swarmstate.convert;

import static dev.swarmsnap.swarmstate.convert.ProtoJson.mapIfAny;
import static dev.swarmsnap.swarmstate.convert.ProtoJson.object;
import static dev.swarmsnap.swarmstate.convert.ProtoJson.text;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarmsnap.swarmstate.proto.swarmkit.IPAMConfig;
import dev.swarmsnap.swarmstate.proto.swarmkit.NetworkSpec;
import java.util.TreeMap;

/**
 * A swarmkit {@code NetworkSpec} as the Engine API's network create request ({@code
 * network.CreateRequest}), the shape {@code POST /networks/create} takes back: mirrors moby's
 * {@code BasicNetworkFromGRPC} (daemon/cluster/convert/network.go), but from the spec (what the
 * user asked for: driver, options, requested subnets) rather than the allocator's state, so that
 * recreating the network in another swarm asks for the same thing and not for addresses that swarm
 * may use elsewhere. Scope is always {@code swarm}.
 */
final class NetworkConverter {
  /** Label swarmkit puts on the predefined networks (bridge, host) it keeps in its store. */
  static final String PREDEFINED = "com.docker.swarm.predefined";
  private static final String INTERNAL = "com.docker.swarm.internal";

  ObjectNode convert(NetworkSpec s) {
    ObjectNode n = object();
    n.put("Name", s.getAnnotations().getName());
    n.put("Driver", s.getDriverConfig().getName().isEmpty() ? "overlay" : s.getDriverConfig().getName());
    n.put("Scope", "swarm");
    if (s.getIpv6Enabled()) {
      n.put("EnableIPv6", true);
    }
    if (s.hasIpam()) {
      ObjectNode ipam = n.putObject("IPAM");
      ipam.put("Driver", s.getIpam().getDriver().getName().isEmpty() ? "default" : s.getIpam().getDriver().getName());
      mapIfAny(ipam, "Options", s.getIpam().getDriver().getOptionsMap());
      ArrayNode configs = ipam.putArray("Config");
      for (IPAMConfig c : s.getIpam().getConfigsList()) {
        ObjectNode cn = configs.addObject();
        text(cn, "Subnet", c.getSubnet());
        text(cn, "IPRange", c.getRange());
        text(cn, "Gateway", c.getGateway());
        if (c.getReservedCount() > 0) {
          ObjectNode aux = cn.putObject("AuxiliaryAddresses");
          new TreeMap<>(c.getReservedMap()).forEach(aux::put);
        }
      }
    }
    n.put("Internal", s.getInternal());
    n.put("Attachable", s.getAttachable());
    n.put("Ingress", isIngress(s));
    n.put("ConfigOnly", false);
    if (s.hasNetwork()) {
      n.putObject("ConfigFrom").put("Network", s.getNetwork());
    }
    mapIfAny(n, "Options", s.getDriverConfig().getOptionsMap());
    n.set("Labels", ProtoJson.map(s.getAnnotations().getLabelsMap()));
    return n;
  }

  /** moby's {@code IsIngressNetwork}: the flag, or the legacy internal label on a network named ingress. */
  static boolean isIngress(NetworkSpec s) {
    return s.getIngress()
        || (s.getAnnotations().getLabelsMap().containsKey(INTERNAL) && s.getAnnotations().getName().equals("ingress"));
  }

  /**
   * Networks the engine owns and makes itself (the ingress, the predefined bridge and host, the
   * local docker_gwbridge): never exported as objects.
   */
  static boolean engineOwned(NetworkSpec s) {
    String name = s.getAnnotations().getName();
    return isIngress(s) || "true".equals(s.getAnnotations().getLabelsMap().get(PREDEFINED))
        || name.equals("bridge") || name.equals("host") || name.equals("docker_gwbridge");
  }
}
