package dev.swarmsnap.swarmstate.convert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import dev.swarmsnap.swarmstate.model.SecretValue;
import dev.swarmsnap.swarmstate.proto.swarmkit.Cluster;
import dev.swarmsnap.swarmstate.proto.swarmkit.Config;
import dev.swarmsnap.swarmstate.proto.swarmkit.Network;
import dev.swarmsnap.swarmstate.proto.swarmkit.Secret;
import dev.swarmsnap.swarmstate.proto.swarmkit.Service;
import dev.swarmsnap.swarmstate.proto.swarmkit.StoreAction.TargetCase;
import dev.swarmsnap.swarmstate.store.StoreReplayer;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns a replayed store into {@link SwarmSpecs}. The store must keep config data ({@link
 * StoreReplayer#keepingConfigData()}), or configs come out without it. Stateless.
 */
public final class StoreSpecs {
  private final NetworkConverter networks = new NetworkConverter();
  private final SecretSpecConverter secrets = new SecretSpecConverter();
  private final ConfigSpecConverter configs = new ConfigSpecConverter();
  private final ServiceSpecConverter services = new ServiceSpecConverter();
  private final ClusterSpecConverter clusters = new ClusterSpecConverter();

  public SwarmSpecs read(StoreReplayer store) {
    List<Network> allNetworks = store.all(TargetCase.NETWORK, Network.class);
    Map<String, String> networkNames = allNetworks.stream()
        .collect(Collectors.toMap(Network::getId, n -> n.getSpec().getAnnotations().getName(), (a, b) -> a));
    Optional<ObjectNode> ingress = allNetworks.stream().filter(n -> NetworkConverter.isIngress(n.getSpec())).findFirst()
        .map(n -> networks.convert(n.getSpec()));
    Optional<SwarmSpecs.Cluster> cluster = store.all(TargetCase.CLUSTER, Cluster.class).stream().findFirst()
        .map(c -> new SwarmSpecs.Cluster(c.getId(), clusters.convert(c.getSpec()), c.getDefaultAddressPoolList(),
            c.getSubnetSize(), c.getVXLANUDPPort(), ingress));
    return new SwarmSpecs(cluster,
        sorted(allNetworks.stream().filter(n -> !NetworkConverter.engineOwned(n.getSpec()))
            .map(n -> new SpecObject(n.getId(), n.getMeta().getVersion().getIndex(), n.getSpec().getAnnotations().getName(),
                networks.convert(n.getSpec()), raw(n.getSpec()), Optional.empty())).toList()),
        sorted(store.all(TargetCase.SECRET, Secret.class).stream().filter(s -> !s.getInternal()).map(this::secret).toList()),
        sorted(store.all(TargetCase.CONFIG, Config.class).stream()
            .map(c -> new SpecObject(c.getId(), c.getMeta().getVersion().getIndex(), c.getSpec().getAnnotations().getName(),
                configs.convert(c.getSpec()), raw(c.getSpec()), Optional.empty())).toList()),
        sorted(store.all(TargetCase.SERVICE, Service.class).stream().filter(s -> !s.getPendingDelete())
            .map(s -> new SpecObject(s.getId(), s.getMeta().getVersion().getIndex(), s.getSpec().getAnnotations().getName(),
                services.convert(s.getSpec(), networkNames), raw(s.getSpec()), Optional.empty())).toList()));
  }

  /** The raw spec never carries the value: it is cleared before encoding. */
  private SpecObject secret(Secret s) {
    ByteString data = s.getSpec().getData();
    Optional<SecretValue> value = data.isEmpty() ? Optional.empty() : Optional.of(new SecretValue(data.toByteArray()));
    return new SpecObject(s.getId(), s.getMeta().getVersion().getIndex(), s.getSpec().getAnnotations().getName(),
        secrets.convert(s.getSpec()), raw(s.getSpec().toBuilder().clearData().build()), value);
  }

  private static String raw(Message spec) {
    return Base64.getEncoder().encodeToString(spec.toByteArray());
  }

  private static List<SpecObject> sorted(List<SpecObject> objects) {
    return objects.stream().sorted(Comparator.comparing(SpecObject::name).thenComparing(SpecObject::id)).toList();
  }
}
