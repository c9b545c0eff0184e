package dev.swarmsnap.core.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The engine API documents an archive holds ({@code api/swarm.json}, {@code nodes}, ...: Engine
 * API 1.41 bodies as the engine returned them), reduced to what verify compares: IDs, names and
 * versions. Unparsable or absent documents are empty, and the comparison says so.
 */
public final class ApiView {
  private final ObjectMapper mapper = new ObjectMapper();
  private final Map<String, byte[]> documents;

  public ApiView(Map<String, byte[]> documents) {
    this.documents = Map.copyOf(documents);
  }

  /** The cluster object of {@code /swarm}. */
  public Optional<ApiObject> swarm() {
    return tree("swarm").filter(JsonNode::isObject).map(n -> object(n, "swarm"));
  }

  /**
   * The objects of a list endpoint ({@code nodes}, {@code services}, {@code networks}, {@code
   * configs}, {@code secrets}, {@code tasks}); for {@code networks} only swarm-scoped ones, as the
   * reader lists them.
   */
  public Optional<List<ApiObject>> list(String endpoint) {
    Optional<JsonNode> tree = tree(endpoint).filter(JsonNode::isArray);
    if (tree.isEmpty()) {
      return Optional.empty();
    }
    List<ApiObject> out = new ArrayList<>();
    for (JsonNode n : tree.get()) {
      if (endpoint.equals("networks") && n.has("Scope") && !n.path("Scope").asText().equals("swarm")) {
        continue;
      }
      out.add(object(n, endpoint));
    }
    return Optional.of(out);
  }

  /**
   * The highest raft version anywhere in the view. An object's version is the leader's commit index
   * when its change was proposed (swarmkit {@code GetVersion}), so every entry up to it was committed
   * when the view was taken, and the entry that wrote that object has a higher index. The leader
   * proposes one store change at a time and waits for it to commit (docs/engine-behaviour.md §4.6),
   * so an object written after the view carries a version above this one. 0 for an empty view.
   */
  public long highestVersion() {
    long max = swarm().flatMap(c -> c.version().isPresent() ? Optional.of(c.version().getAsLong()) : Optional.empty())
        .orElse(0L);
    for (String kind : List.of("nodes", "services", "networks", "configs", "secrets", "tasks")) {
      for (ApiObject o : list(kind).orElse(List.of())) {
        if (o.version().isPresent()) {
          max = Math.max(max, o.version().getAsLong());
        }
      }
    }
    return max;
  }

  /** The documents by endpoint name, as the archive holds them ({@code api/<name>.json}). */
  public SortedMap<String, byte[]> documents() {
    return new TreeMap<>(documents);
  }

  /**
   * This view less the objects that {@code later}, taken after it, no longer lists and that are not
   * in {@code held}: they were removed in between (swarmkit never reuses an ID), so a copy taken
   * between the two views need not hold them (docs/engine-behaviour.md §4.6). An object the copy
   * holds stays even if removed since: it was there when the copy was taken. A document {@code
   * later} lacks or cannot parse is kept whole.
   *
   * @param held the IDs of the objects the copy holds
   */
  public ApiView withoutObjectsRemovedBy(ApiView later, Set<String> held) {
    Map<String, byte[]> kept = new TreeMap<>(documents);
    for (Map.Entry<String, byte[]> document : documents.entrySet()) {
      Optional<JsonNode> now = tree(document.getKey()).filter(JsonNode::isArray);
      Optional<JsonNode> then = later.tree(document.getKey()).filter(JsonNode::isArray);
      if (now.isEmpty() || then.isEmpty()) {
        continue;
      }
      Set<String> stillListed = new HashSet<>();
      then.get().forEach(n -> stillListed.add(id(n)));
      ArrayNode left = mapper.createArrayNode();
      now.get().forEach(n -> {
        if (stillListed.contains(id(n)) || held.contains(id(n))) {
          left.add(n);
        }
      });
      if (left.size() < now.get().size()) {
        try {
          kept.put(document.getKey(), mapper.writeValueAsBytes(left));
        } catch (IOException e) {
          throw new IllegalStateException("a parsed API document does not serialize", e);
        }
      }
    }
    return new ApiView(kept);
  }

  private static String id(JsonNode n) {
    return n.hasNonNull("ID") ? n.get("ID").asText() : n.path("Id").asText("");
  }

  private Optional<JsonNode> tree(String name) {
    byte[] bytes = documents.get(name);
    if (bytes == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(mapper.readTree(bytes));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static ApiObject object(JsonNode n, String endpoint) {
    String id = id(n);
    String name = switch (endpoint) {
      case "nodes" -> n.path("Description").path("Hostname").asText(n.path("Spec").path("Name").asText(""));
      case "networks" -> n.path("Name").asText("");
      case "tasks" -> n.path("Name").asText("");
      default -> n.path("Spec").path("Name").asText("");
    };
    JsonNode version = n.path("Version").path("Index");
    return new ApiObject(id, name, version.isIntegralNumber() ? OptionalLong.of(version.asLong()) : OptionalLong.empty());
  }
}
