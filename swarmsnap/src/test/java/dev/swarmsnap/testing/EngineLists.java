package dev.swarmsnap.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarmsnap.core.verify.ApiView;
import dev.swarmsnap.swarmstate.Finding;
import dev.swarmsnap.swarmstate.model.SwarmState;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Engine-shaped lists ({@code GET /services}, ...) of a state's objects, for comparisons of a state
 * against what an engine lists afterwards: tests edit them, then read them as an {@link ApiView}.
 */
public final class EngineLists {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EngineLists() {}

  /** Services, networks, configs and secrets of {@code state}, as the engine would list them. */
  public static Map<String, ArrayNode> of(SwarmState state) {
    Map<String, ArrayNode> docs = new TreeMap<>();
    docs.put("services", list(state.services().stream().map(s -> object("ID", s.id(), s.name(), s.version(), true)).toList()));
    docs.put("networks", list(state.networks().stream()
        .map(n -> object("Id", n.id(), n.name(), n.version(), false)).toList()));
    docs.put("configs", list(state.configs().stream().map(c -> object("ID", c.id(), c.name(), c.version(), true)).toList()));
    docs.put("secrets", list(state.secrets().stream().map(s -> object("ID", s.id(), s.name(), s.version(), true)).toList()));
    return docs;
  }

  public static ApiView view(Map<String, ArrayNode> docs) {
    Map<String, byte[]> bytes = new TreeMap<>();
    try {
      for (Map.Entry<String, ArrayNode> e : docs.entrySet()) {
        bytes.put(e.getKey(), JSON.writeValueAsBytes(e.getValue()));
      }
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    return new ApiView(bytes);
  }

  /** One object: its ID field, version, and name under {@code Spec.Name} or (networks) {@code Name}. */
  public static ObjectNode object(String idField, String id, String name, long version, boolean specName) {
    ObjectNode n = JSON.createObjectNode();
    n.put(idField, id);
    n.putObject("Version").put("Index", version);
    if (specName) {
      n.putObject("Spec").put("Name", name);
    } else {
      n.put("Name", name);
      n.put("Scope", "swarm");
    }
    return n;
  }

  /** A node as {@code GET /nodes} lists it: ID, version and hostname. */
  public static ObjectNode node(String id, String hostname, long version) {
    ObjectNode n = JSON.createObjectNode();
    n.put("ID", id);
    n.putObject("Version").put("Index", version);
    n.putObject("Description").put("Hostname", hostname);
    return n;
  }

  public static ArrayNode list(List<ObjectNode> nodes) {
    ArrayNode array = JSON.createArrayNode();
    nodes.forEach(array::add);
    return array;
  }

  public static void version(ArrayNode list, String id, long version) {
    list.forEach(n -> {
      if (n.path("ID").asText().equals(id)) {
        ((ObjectNode) n.get("Version")).put("Index", version);
      }
    });
  }

  public static void remove(ArrayNode list, String id) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).path("ID").asText().equals(id)) {
        list.remove(i);
        return;
      }
    }
  }

  public static Finding find(List<Finding> findings, String check) {
    return findings.stream().filter(f -> f.check().equals(check)).findFirst().orElseThrow();
  }
}
