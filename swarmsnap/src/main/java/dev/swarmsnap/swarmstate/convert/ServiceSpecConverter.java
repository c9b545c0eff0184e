package dev.swarmsnap.swarmstate.convert;

import static dev.swarmsnap.swarmstate.convert.ProtoJson.mapIfAny;
import static dev.swarmsnap.swarmstate.convert.ProtoJson.nanos;
import static dev.swarmsnap.swarmstate.convert.ProtoJson.number;
import static dev.swarmsnap.swarmstate.convert.ProtoJson.object;
import static dev.swarmsnap.swarmstate.convert.ProtoJson.text;
import static dev.swarmsnap.swarmstate.convert.ProtoJson.texts;
import static dev.swarmsnap.swarmstate.convert.ProtoJson.unsigned;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarmsnap.swarmstate.proto.swarmkit.EndpointSpec;
import dev.swarmsnap.swarmstate.proto.swarmkit.GenericResource;
import dev.swarmsnap.swarmstate.proto.swarmkit.NetworkAttachmentConfig;
import dev.swarmsnap.swarmstate.proto.swarmkit.Placement;
import dev.swarmsnap.swarmstate.proto.swarmkit.PortConfig;
import dev.swarmsnap.swarmstate.proto.swarmkit.ResourceRequirements;
import dev.swarmsnap.swarmstate.proto.swarmkit.RestartPolicy;
import dev.swarmsnap.swarmstate.proto.swarmkit.ServiceSpec;
import dev.swarmsnap.swarmstate.proto.swarmkit.TaskSpec;
import dev.swarmsnap.swarmstate.proto.swarmkit.UpdateConfig;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A swarmkit {@code ServiceSpec} as the Engine API's {@code ServiceSpec}: mirrors moby's
 * {@code serviceSpecFromGRPC} and {@code taskSpecFromGRPC} (daemon/cluster/convert/service.go),
 * including folding the deprecated service-level networks into {@code TaskTemplate.Networks}.
 * One change for the export format: a network attachment's {@code Target}, an ID in the store, is
 * written as the network's name (IDs mean nothing in another swarm); an ID no network has is kept.
 */
final class ServiceSpecConverter {
  private final ContainerSpecConverter containers = new ContainerSpecConverter();

  /**
   * @param networkNames network ID to name, of every network in the store (predefined and
   *     ingress included, as services may attach to them)
   */
  ObjectNode convert(ServiceSpec s, Map<String, String> networkNames) {
    ObjectNode n = object();
    ProtoJson.annotations(n, s.getAnnotations());
    n.set("TaskTemplate", taskTemplate(s, networkNames));
    n.set("Mode", mode(s));
    if (s.hasUpdate()) {
      n.set("UpdateConfig", update(s.getUpdate()));
    }
    if (s.hasRollback()) {
      n.set("RollbackConfig", update(s.getRollback()));
    }
    if (s.hasEndpoint()) {
      n.set("EndpointSpec", endpoint(s.getEndpoint()));
    }
    return n;
  }

  private ObjectNode taskTemplate(ServiceSpec s, Map<String, String> networkNames) {
    TaskSpec t = s.getTask();
    ObjectNode n = object();
    if (t.hasContainer()) {
      n.set("ContainerSpec", containers.convert(t.getContainer()));
    }
    if (t.hasAttachment()) {
      ObjectNode a = n.putObject("NetworkAttachmentSpec");
      text(a, "ContainerID", t.getAttachment().getContainerId());
    }
    resources(t).ifPresent(r -> n.set("Resources", r));
    if (t.hasRestart()) {
      n.set("RestartPolicy", restart(t.getRestart()));
    }
    if (t.hasPlacement()) {
      n.set("Placement", placement(t.getPlacement()));
    }
    List<NetworkAttachmentConfig> networks = t.getNetworksCount() > 0 ? t.getNetworksList() : s.getNetworksList();
    if (!networks.isEmpty()) {
      ArrayNode a = n.putArray("Networks");
      networks.forEach(c -> a.add(network(c, networkNames)));
    }
    if (t.hasLogDriver()) {
      n.set("LogDriver", ProtoJson.driver(t.getLogDriver()));
    }
    unsigned(n, "ForceUpdate", t.getForceUpdate());
    switch (t.getRuntimeCase()) {
      case CONTAINER -> n.put("Runtime", "container");
      case GENERIC -> n.put("Runtime", t.getGeneric().getKind());
      case ATTACHMENT -> n.put("Runtime", "attachment");
      default -> { }
    }
    return n;
  }

  private static ObjectNode network(NetworkAttachmentConfig c, Map<String, String> networkNames) {
    ObjectNode n = object();
    text(n, "Target", networkNames.getOrDefault(c.getTarget(), c.getTarget()));
    texts(n, "Aliases", c.getAliasesList());
    mapIfAny(n, "DriverOpts", c.getDriverAttachmentOptsMap());
    return n;
  }

  /** moby's {@code resourcesFromGRPC}: the container's pids limit lives in Limits.Pids. */
  private static Optional<ObjectNode> resources(TaskSpec t) {
    long pids = t.hasContainer() ? t.getContainer().getPidsLimit() : 0;
    if (pids == 0 && !t.hasResources()) {
      return Optional.empty();
    }
    ObjectNode n = object();
    ResourceRequirements r = t.getResources();
    if (pids != 0 || r.hasLimits()) {
      ObjectNode limits = n.putObject("Limits");
      number(limits, "NanoCPUs", r.getLimits().getNanoCpus());
      number(limits, "MemoryBytes", r.getLimits().getMemoryBytes());
      number(limits, "Pids", pids);
    }
    if (r.hasReservations()) {
      ObjectNode res = n.putObject("Reservations");
      number(res, "NanoCPUs", r.getReservations().getNanoCpus());
      number(res, "MemoryBytes", r.getReservations().getMemoryBytes());
      if (r.getReservations().getGenericCount() > 0) {
        ArrayNode g = res.putArray("GenericResources");
        r.getReservations().getGenericList().forEach(x -> g.add(generic(x)));
      }
    }
    if (r.hasSwapBytes()) {
      n.put("SwapBytes", r.getSwapBytes().getValue());
    }
    if (r.hasMemorySwappiness()) {
      n.put("MemorySwappiness", r.getMemorySwappiness().getValue());
    }
    return Optional.of(n);
  }

  private static ObjectNode generic(GenericResource g) {
    ObjectNode n = object();
    if (g.hasNamedResourceSpec()) {
      ObjectNode s = n.putObject("NamedResourceSpec");
      text(s, "Kind", g.getNamedResourceSpec().getKind());
      text(s, "Value", g.getNamedResourceSpec().getValue());
    } else if (g.hasDiscreteResourceSpec()) {
      ObjectNode s = n.putObject("DiscreteResourceSpec");
      text(s, "Kind", g.getDiscreteResourceSpec().getKind());
      number(s, "Value", g.getDiscreteResourceSpec().getValue());
    }
    return n;
  }

  /** moby's {@code restartPolicyFromGRPC}: MaxAttempts always, delays only when set. */
  private static ObjectNode restart(RestartPolicy p) {
    ObjectNode n = object();
    n.put("Condition", switch (p.getCondition()) {
      case NONE -> "none";
      case ON_FAILURE -> "on-failure";
      default -> "any";
    });
    if (p.hasDelay()) {
      n.put("Delay", nanos(p.getDelay()));
    }
    unsigned(n, "MaxAttempts", p.getMaxAttempts());
    if (p.hasWindow()) {
      n.put("Window", nanos(p.getWindow()));
    }
    return n;
  }

  private static ObjectNode placement(Placement p) {
    ObjectNode n = object();
    texts(n, "Constraints", p.getConstraintsList());
    if (p.getPreferencesList().stream().anyMatch(x -> x.hasSpread())) {
      ArrayNode prefs = n.putArray("Preferences");
      p.getPreferencesList().stream().filter(x -> x.hasSpread()).forEach(x ->
          prefs.addObject().putObject("Spread").put("SpreadDescriptor", x.getSpread().getSpreadDescriptor()));
    }
    if (p.getMaxReplicas() != 0) {
      unsigned(n, "MaxReplicas", p.getMaxReplicas());
    }
    if (p.getPlatformsCount() > 0) {
      ArrayNode platforms = n.putArray("Platforms");
      p.getPlatformsList().forEach(x -> {
        ObjectNode pn = platforms.addObject();
        text(pn, "Architecture", x.getArchitecture());
        text(pn, "OS", x.getOs());
      });
    }
    return n;
  }

  private static ObjectNode mode(ServiceSpec s) {
    ObjectNode n = object();
    switch (s.getModeCase()) {
      case GLOBAL -> n.putObject("Global");
      case REPLICATED -> unsigned(n.putObject("Replicated"), "Replicas", s.getReplicated().getReplicas());
      case REPLICATED_JOB -> {
        ObjectNode j = n.putObject("ReplicatedJob");
        unsigned(j, "MaxConcurrent", s.getReplicatedJob().getMaxConcurrent());
        unsigned(j, "TotalCompletions", s.getReplicatedJob().getTotalCompletions());
      }
      case GLOBAL_JOB -> n.putObject("GlobalJob");
      default -> { }
    }
    return n;
  }

  /** moby's {@code updateConfigFromGRPC}: Parallelism, MaxFailureRatio and Order always written. */
  private static ObjectNode update(UpdateConfig u) {
    ObjectNode n = object();
    unsigned(n, "Parallelism", u.getParallelism());
    number(n, "Delay", nanos(u.getDelay()));
    n.put("FailureAction", switch (u.getFailureAction()) {
      case CONTINUE -> "continue";
      case ROLLBACK -> "rollback";
      default -> "pause";
    });
    if (u.hasMonitor()) {
      number(n, "Monitor", nanos(u.getMonitor()));
    }
    ProtoJson.float32(n, "MaxFailureRatio", u.getMaxFailureRatio());
    n.put("Order", u.getOrder() == UpdateConfig.UpdateOrder.START_FIRST ? "start-first" : "stop-first");
    return n;
  }

  /** moby's {@code endpointSpecFromGRPC} and {@code swarmPortConfigToAPIPortConfig}. */
  private static ObjectNode endpoint(EndpointSpec e) {
    ObjectNode n = object();
    n.put("Mode", e.getMode().name().toLowerCase(Locale.ROOT));
    if (e.getPortsCount() > 0) {
      ArrayNode ports = n.putArray("Ports");
      for (PortConfig p : e.getPortsList()) {
        ObjectNode pn = ports.addObject();
        text(pn, "Name", p.getName());
        pn.put("Protocol", p.getProtocol().name().toLowerCase(Locale.ROOT));
        number(pn, "TargetPort", Integer.toUnsignedLong(p.getTargetPort()));
        number(pn, "PublishedPort", Integer.toUnsignedLong(p.getPublishedPort()));
        pn.put("PublishMode", p.getPublishMode().name().toLowerCase(Locale.ROOT));
      }
    }
    return n;
  }
}
