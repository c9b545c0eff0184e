package dev.swarmsnap.core.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

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
   * The highest raft version anywhere in the view: anything above it came later, and every entry up
   * to it was committed when the view was taken (an object's version is the index of the entry
   * that wrote it). 0 for an empty view.
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
    String id = n.hasNonNull("ID") ? n.get("ID").asText() : n.path("Id").asText("");
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
