package dev.swarmsnap.engine.dockerjava;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swarmsnap.engine.EngineInfo;
import dev.swarmsnap.engine.EngineVersion;
import dev.swarmsnap.engine.LocalNodeState;
import dev.swarmsnap.engine.ManagerStatus;
import dev.swarmsnap.engine.NodeRole;
import dev.swarmsnap.engine.SwarmInfo;
import dev.swarmsnap.engine.SwarmNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Maps Engine API JSON (field names as in docs/engine-behaviour.md §2) to swarmsnap's engine records. */
final class EngineJson {

  EngineVersion version(JsonNode node) {
    return new EngineVersion(
        text(node, "Version"),
        text(node, "ApiVersion"),
        text(node, "Os"),
        text(node, "Arch"),
        text(node, "KernelVersion"));
  }

  EngineInfo info(JsonNode node) {
    return new EngineInfo(
        text(node, "Name"), text(node, "ServerVersion"), text(node, "DockerRootDir"), swarm(node.path("Swarm")));
  }

  private SwarmInfo swarm(JsonNode swarm) {
    JsonNode cluster = swarm.path("Cluster");
    Optional<String> clusterId = optionalText(cluster, "ID");
    Optional<Boolean> autolock =
        cluster.isMissingNode() || cluster.isNull()
            ? Optional.empty()
            : Optional.of(cluster.path("Spec").path("EncryptionConfig").path("AutoLockManagers").asBoolean(false));
    List<String> remotes = new ArrayList<>();
    for (JsonNode remote : swarm.path("RemoteManagers")) {
      remotes.add(text(remote, "Addr"));
    }
    return new SwarmInfo(
        LocalNodeState.parse(text(swarm, "LocalNodeState")),
        text(swarm, "NodeID"),
        text(swarm, "NodeAddr"),
        swarm.path("ControlAvailable").asBoolean(false),
        text(swarm, "Error"),
        clusterId,
        autolock,
        remotes);
  }

  List<SwarmNode> nodes(JsonNode array) {
    List<SwarmNode> nodes = new ArrayList<>();
    for (JsonNode node : array) {
      nodes.add(node(node));
    }
    return List.copyOf(nodes);
  }

  SwarmNode node(JsonNode node) {
    JsonNode managerStatus = node.path("ManagerStatus");
    Optional<ManagerStatus> status =
        managerStatus.isObject()
            ? Optional.of(
                new ManagerStatus(
                    managerStatus.path("Leader").asBoolean(false),
                    text(managerStatus, "Reachability"),
                    text(managerStatus, "Addr")))
            : Optional.empty();
    return new SwarmNode(
        text(node, "ID"),
        text(node.path("Description"), "Hostname"),
        NodeRole.parse(text(node.path("Spec"), "Role")),
        text(node.path("Status"), "State"),
        text(node.path("Spec"), "Availability"),
        text(node.path("Status"), "Addr"),
        text(node.path("Description").path("Engine"), "EngineVersion"),
        status);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isValueNode() ? value.asText() : "";
  }

  private static Optional<String> optionalText(JsonNode node, String field) {
    String value = text(node, field);
    return value.isBlank() ? Optional.empty() : Optional.of(value);
  }
}
