package dev.swarmsnap.swarmstate.store;

import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.swarmstate.model.ClusterInfo;
import dev.swarmsnap.swarmstate.model.ConfigInfo;
import dev.swarmsnap.swarmstate.model.ManagerInfo;
import dev.swarmsnap.swarmstate.model.ManagerInfo.Leadership;
import dev.swarmsnap.swarmstate.model.NetworkInfo;
import dev.swarmsnap.swarmstate.model.NodeInfo;
import dev.swarmsnap.swarmstate.model.PublishedPort;
import dev.swarmsnap.swarmstate.model.RaftMemberInfo;
import dev.swarmsnap.swarmstate.model.SecretInfo;
import dev.swarmsnap.swarmstate.model.SecretValue;
import dev.swarmsnap.swarmstate.model.ServiceInfo;
import dev.swarmsnap.swarmstate.model.ServiceMode;
import dev.swarmsnap.swarmstate.model.TaskInfo;
import dev.swarmsnap.swarmstate.proto.swarmkit.Cluster;
import dev.swarmsnap.swarmstate.proto.swarmkit.Config;
import dev.swarmsnap.swarmstate.proto.swarmkit.ConfigReference;
import dev.swarmsnap.swarmstate.proto.swarmkit.EncryptionKey;
import dev.swarmsnap.swarmstate.proto.swarmkit.Network;
import dev.swarmsnap.swarmstate.proto.swarmkit.NetworkAttachmentConfig;
import dev.swarmsnap.swarmstate.proto.swarmkit.Node;
import dev.swarmsnap.swarmstate.proto.swarmkit.PortConfig;
import dev.swarmsnap.swarmstate.proto.swarmkit.Secret;
import dev.swarmsnap.swarmstate.proto.swarmkit.SecretReference;
import dev.swarmsnap.swarmstate.proto.swarmkit.Service;
import dev.swarmsnap.swarmstate.proto.swarmkit.ServiceSpec;
import dev.swarmsnap.swarmstate.proto.swarmkit.StoreAction.TargetCase;
import dev.swarmsnap.swarmstate.proto.swarmkit.Task;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Maps store objects to read-model records. Leaves out every sensitive field (docs/swarm-state-format.md §5.2):
 * secret data (unless revealing), root CA key, unlock keys (only a fingerprint), join tokens and
 * network bootstrap keys are never copied. Stateless.
 */
public final class StateMapper {
  /** The label swarmkit puts on the local networks it keeps in the store ({@code bridge}, {@code host}). */
  static final String PREDEFINED = "com.docker.swarm.predefined";

  public List<ClusterInfo> clusters(StoreReplayer store) {
    return store.all(TargetCase.CLUSTER, Cluster.class).stream().map(StateMapper::cluster).toList();
  }

  private static ClusterInfo cluster(Cluster c) {
    Optional<String> fp = c.getUnlockKeysList().stream()
        .filter(k -> k.getSubsystem().equals("swarm-manager"))
        .map(EncryptionKey::getKey)
        .findFirst()
        .map(k -> UnlockKey.fingerprintOf(k.toByteArray()));
    return new ClusterInfo(
        c.getId(),
        c.getSpec().getAnnotations().getName().isEmpty()
            ? "default" : c.getSpec().getAnnotations().getName(),
        c.getMeta().getVersion().getIndex(),
        c.getMeta().hasCreatedAt()
            ? Optional.of(Instant.ofEpochSecond(c.getMeta().getCreatedAt().getSeconds(),
                c.getMeta().getCreatedAt().getNanos()))
            : Optional.empty(),
        c.getSpec().getEncryptionConfig().getAutoLockManagers(),
        fp,
        c.getSpec().getRaft().getSnapshotInterval());
  }

  public List<NodeInfo> nodes(StoreReplayer store) {
    List<RaftMemberInfo> members = store.members();
    return sorted(store.all(TargetCase.NODE, Node.class).stream().map(n -> new NodeInfo(
        n.getId(),
        n.getDescription().getHostname().isEmpty()
            ? n.getSpec().getAnnotations().getName() : n.getDescription().getHostname(),
        n.getMeta().getVersion().getIndex(),
        lower(n.getRole().name()),
        lower(n.getSpec().getAvailability().name()),
        lower(n.getStatus().getState().name()),
        n.getStatus().getAddr(),
        manager(n.getId(), members),
        n.getDescription().getEngine().getEngineVersion())).toList(), NodeInfo::id);
  }

  /**
   * A node's manager status from the raft membership: swarmkit leaves manager_status out of the
   * stored node (the API fills it from the live raft), so the membership is what is on disk.
   */
  private static Optional<ManagerInfo> manager(String nodeId, List<RaftMemberInfo> members) {
    Leadership leadership = members.size() == 1 ? Leadership.LEADER : Leadership.UNKNOWN;
    return members.stream()
        .filter(m -> m.nodeId().equals(nodeId))
        .findFirst()
        .map(m -> new ManagerInfo(m.raftId(), m.addr(), leadership));
  }

  /**
   * Swarm networks as the Engine API lists them: without the predefined {@code bridge} and {@code
   * host} networks swarmkit keeps in its store (the engine leaves out what carries {@link
   * #PREDEFINED}), so every count of networks means the same everywhere.
   */
  public List<NetworkInfo> networks(StoreReplayer store) {
    return sorted(store.all(TargetCase.NETWORK, Network.class).stream()
        .filter(n -> !"true".equals(n.getSpec().getAnnotations().getLabelsMap().get(PREDEFINED)))
        .map(n -> new NetworkInfo(
            n.getId(),
            n.getSpec().getAnnotations().getName(),
            n.getMeta().getVersion().getIndex(),
            driver(n),
            n.getSpec().getAnnotations().getLabelsMap())).toList(), NetworkInfo::id);
  }

  /**
   * The allocated driver, which the engine reports (ingress has no driver_config, only the
   * driver_state the allocator wrote); the requested one while allocation is pending.
   */
  private static String driver(Network n) {
    return n.hasDriverState() && !n.getDriverState().getName().isEmpty()
        ? n.getDriverState().getName() : n.getSpec().getDriverConfig().getName();
  }

  public List<ConfigInfo> configs(StoreReplayer store) {
    return sorted(store.all(TargetCase.CONFIG, Config.class).stream().map(c -> new ConfigInfo(
        c.getId(),
        c.getSpec().getAnnotations().getName(),
        c.getMeta().getVersion().getIndex(),
        c.getSpec().getAnnotations().getLabelsMap(),
        store.configDataBytes(c))).toList(), ConfigInfo::id);
  }

  public List<SecretInfo> secrets(StoreReplayer store, boolean reveal) {
    return sorted(store.all(TargetCase.SECRET, Secret.class).stream().map(s -> new SecretInfo(
        s.getId(),
        s.getSpec().getAnnotations().getName(),
        s.getMeta().getVersion().getIndex(),
        s.getSpec().getAnnotations().getLabelsMap(),
        reveal ? Optional.of(new SecretValue(s.getSpec().getData().toByteArray()))
            : Optional.<SecretValue>empty())).toList(), SecretInfo::id);
  }

  public List<ServiceInfo> services(StoreReplayer store) {
    Map<String, String> netNames = new HashMap<>();
    for (Network n : store.all(TargetCase.NETWORK, Network.class)) {
      netNames.put(n.getId(), n.getSpec().getAnnotations().getName());
    }
    return sorted(store.all(TargetCase.SERVICE, Service.class).stream()
        .map(s -> service(s, netNames)).toList(), ServiceInfo::id);
  }

  private static ServiceInfo service(Service s, Map<String, String> netNames) {
    ServiceSpec spec = s.getSpec();
    var container = spec.getTask().getContainer();
    List<String> networks = new ArrayList<>();
    for (NetworkAttachmentConfig n : spec.getTask().getNetworksList()) {
      networks.add(netNames.getOrDefault(n.getTarget(), n.getTarget()));
    }
    for (NetworkAttachmentConfig n : spec.getNetworksList()) {
      networks.add(netNames.getOrDefault(n.getTarget(), n.getTarget()));
    }
    ServiceMode mode = switch (spec.getModeCase()) {
      case REPLICATED -> ServiceMode.replicated(spec.getReplicated().getReplicas());
      case GLOBAL -> ServiceMode.named("global");
      case REPLICATED_JOB -> ServiceMode.replicatedJob(
          spec.getReplicatedJob().getTotalCompletions(), spec.getReplicatedJob().getMaxConcurrent());
      case GLOBAL_JOB -> ServiceMode.named("global-job");
      case MODE_NOT_SET -> ServiceMode.named("");
    };
    List<PublishedPort> ports = new ArrayList<>();
    for (PortConfig p : spec.getEndpoint().getPortsList()) {
      ports.add(new PublishedPort(lower(p.getProtocol().name()), p.getTargetPort(),
          p.getPublishedPort(), lower(p.getPublishMode().name())));
    }
    return new ServiceInfo(
        s.getId(),
        spec.getAnnotations().getName(),
        s.getMeta().getVersion().getIndex(),
        container.getImage(),
        mode,
        networks,
        container.getSecretsList().stream().map(SecretReference::getSecretName).toList(),
        container.getConfigsList().stream().map(ConfigReference::getConfigName).toList(),
        ports,
        spec.getAnnotations().getLabelsMap());
  }

  public List<TaskInfo> tasks(StoreReplayer store) {
    return sorted(store.all(TargetCase.TASK, Task.class).stream().map(t -> new TaskInfo(
        t.getId(),
        t.getServiceAnnotations().getName() + "."
            + (t.getSlot() != 0 ? Long.toString(t.getSlot()) : t.getNodeId()),
        t.getMeta().getVersion().getIndex(),
        t.getServiceId(),
        t.getNodeId(),
        lower(t.getDesiredState().name()),
        lower(t.getStatus().getState().name()))).toList(), TaskInfo::id);
  }

  private static String lower(String enumName) {
    return enumName.toLowerCase(Locale.ROOT);
  }

  private static <T> List<T> sorted(List<T> list, Function<T, String> key) {
    return list.stream().sorted(Comparator.comparing(key)).toList();
  }
}
