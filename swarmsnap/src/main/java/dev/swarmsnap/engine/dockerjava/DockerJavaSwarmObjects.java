package dev.swarmsnap.engine.dockerjava;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarmsnap.engine.EngineEndpoint;
import dev.swarmsnap.engine.EngineRequestException;
import dev.swarmsnap.engine.SwarmCluster;
import dev.swarmsnap.engine.SwarmObject;
import dev.swarmsnap.engine.SwarmObjectKind;
import dev.swarmsnap.engine.SwarmObjects;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** {@link SwarmObjects} over docker-java's transport, with the endpoint's timeouts ({@link EngineHttp}). */
public final class DockerJavaSwarmObjects implements SwarmObjects {
  /**
   * What a network-create request accepts, from a network's inspect answer; the rest ({@code Id},
   * {@code Created}, {@code Containers}, {@code Peers}, {@code Services}) is the engine's bookkeeping.
   */
  private static final List<String> NETWORK_CREATE_FIELDS = List.of(
      "Name", "Driver", "Scope", "EnableIPv6", "EnableIPv4", "IPAM", "Internal", "Attachable", "Ingress",
      "ConfigFrom", "ConfigOnly", "Options", "Labels");

  private static final String VXLAN_ID_OPTION = "com.docker.network.driver.overlay.vxlanid_list";

  private final ObjectMapper mapper = new ObjectMapper();
  private final EngineHttp http;

  public DockerJavaSwarmObjects(EngineEndpoint endpoint) {
    this.http = new EngineHttp(endpoint, mapper);
  }

  @Override
  public List<SwarmObject> list(SwarmObjectKind kind) {
    JsonNode answer = http.get("/" + kind.collection());
    List<SwarmObject> objects = new ArrayList<>();
    for (JsonNode item : answer) {
      if (kind == SwarmObjectKind.NETWORK) {
        if ("swarm".equals(item.path("Scope").asText())) {
          objects.add(network(item));
        }
      } else {
        JsonNode spec = item.path("Spec");
        objects.add(new SwarmObject(kind, item.path("ID").asText(), spec.path("Name").asText(),
            item.path("Version").path("Index").asLong(0), text(spec)));
      }
    }
    return objects;
  }

  @Override
  public SwarmCluster cluster() {
    JsonNode swarm = http.get("/swarm");
    List<String> pool = new ArrayList<>();
    swarm.path("DefaultAddrPool").forEach(cidr -> pool.add(cidr.asText()));
    return new SwarmCluster(swarm.path("ID").asText(), text(swarm.path("Spec")), pool,
        swarm.path("SubnetSize").asInt(0), swarm.path("DataPathPort").asInt(0));
  }

  @Override
  public String create(SwarmObjectKind kind, String specJson) {
    JsonNode answer = http.request("POST", "/" + kind.collection() + "/create", specJson.getBytes(StandardCharsets.UTF_8));
    // Networks answer with "Id", the swarm objects with "ID".
    String id = answer.path(kind == SwarmObjectKind.NETWORK ? "Id" : "ID").asText("");
    if (id.isEmpty()) {
      throw new EngineRequestException("POST /" + kind.collection() + "/create", 200, "the answer names no ID");
    }
    return id;
  }

  @Override
  public void update(SwarmObject current, String specJson) {
    if (current.kind() == SwarmObjectKind.NETWORK) {
      throw new IllegalArgumentException("the Engine API cannot update a network");
    }
    http.exchange("POST", "/" + current.kind().collection() + "/" + escape(current.id()) + "/update?version="
        + current.version(), specJson.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void remove(SwarmObjectKind kind, String id) {
    http.exchange("DELETE", "/" + kind.collection() + "/" + escape(id), null);
  }

  @Override
  public String endpoint() {
    return http.endpoint();
  }

  @Override
  public void close() {
    http.close();
  }

  private SwarmObject network(JsonNode item) {
    ObjectNode spec = mapper.createObjectNode();
    for (String field : NETWORK_CREATE_FIELDS) {
      if (item.has(field)) {
        spec.set(field, item.get(field));
      }
    }
    // What the engine shows but nobody asked for: an empty ConfigFrom, IPv6 off, and the VXLAN ID the
    // swarm allocated (sent to another swarm it would pin an ID that may be taken there).
    if (spec.path("ConfigFrom").path("Network").asText("").isEmpty()) {
      spec.remove("ConfigFrom");
    }
    if (!spec.path("EnableIPv6").asBoolean(true)) {
      spec.remove("EnableIPv6");
    }
    if (spec.path("Options") instanceof ObjectNode options) {
      options.remove(VXLAN_ID_OPTION);
      if (options.isEmpty()) {
        spec.remove("Options");
      }
    }
    return new SwarmObject(SwarmObjectKind.NETWORK, item.path("Id").asText(), item.path("Name").asText(), 0,
        text(spec));
  }

  private String text(JsonNode node) {
    try {
      return mapper.writeValueAsString(node);
    } catch (IOException e) {
      throw new IllegalStateException("cannot re-serialise an engine answer", e);
    }
  }

  private static String escape(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8);
  }
}
