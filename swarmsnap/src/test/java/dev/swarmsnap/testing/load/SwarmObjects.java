package dev.swarmsnap.testing.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The services, configs, secrets and swarm networks of a swarm, by kind, ID to name: as the engine
 * API lists them, or as {@code swarmsnap inspect --json} reads them from an archive, so the two
 * can be compared ("every object that existed before the backup is in it").
 *
 * @param byKind {@code services}, {@code configs}, {@code secrets}, {@code networks}: ID to name
 */
public record SwarmObjects(Map<String, Map<String, String>> byKind) {
  private static final List<String> KINDS = List.of("services", "configs", "secrets", "networks");

  public SwarmObjects {
    Map<String, Map<String, String>> copy = new TreeMap<>();
    byKind.forEach((kind, ids) -> copy.put(kind, Map.copyOf(ids)));
    byKind = Map.copyOf(copy);
  }

  /** What the engine behind {@code http} lists now (a manager: these are swarm objects). */
  public static SwarmObjects listed(UnixHttp http) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, Map<String, String>> byKind = new TreeMap<>();
    for (String kind : KINDS) {
      UnixHttp.Response response = http.get("/" + kind);
      if (!response.ok()) {
        throw new IOException("GET /" + kind + ": HTTP " + response.status() + " " + response.body().strip());
      }
      Map<String, String> ids = new TreeMap<>();
      for (JsonNode item : json.readTree(response.body())) {
        if (kind.equals("networks")) {
          if ("swarm".equals(item.path("Scope").asText())) {
            ids.put(item.path("Id").asText(), item.path("Name").asText());
          }
        } else {
          ids.put(item.path("ID").asText(), item.path("Spec").path("Name").asText());
        }
      }
      byKind.put(kind, ids);
    }
    return new SwarmObjects(byKind);
  }

  /** What an {@code inspect --json} document holds. */
  public static SwarmObjects inspected(JsonNode inspectJson) {
    Map<String, Map<String, String>> byKind = new TreeMap<>();
    for (String kind : KINDS) {
      Map<String, String> ids = new TreeMap<>();
      inspectJson.path(kind).forEach(item -> ids.put(item.path("id").asText(), item.path("name").asText()));
      byKind.put(kind, ids);
    }
    return new SwarmObjects(byKind);
  }

  /** These objects less those whose name {@code drop} accepts. */
  public SwarmObjects without(Predicate<String> drop) {
    Map<String, Map<String, String>> kept = new TreeMap<>();
    byKind.forEach((kind, ids) -> {
      Map<String, String> left = new TreeMap<>(ids);
      left.values().removeIf(drop);
      kept.put(kind, left);
    });
    return new SwarmObjects(kept);
  }

  public int count() {
    return byKind.values().stream().mapToInt(Map::size).sum();
  }

  /** {@code config churn-7 (id)} for each of these objects that {@code other} lacks (same kind, same ID). */
  public List<String> missingFrom(SwarmObjects other) {
    List<String> missing = new ArrayList<>();
    byKind.forEach((kind, ids) -> ids.forEach((id, name) -> {
      if (!other.byKind.getOrDefault(kind, Map.of()).containsKey(id)) {
        missing.add(kind.substring(0, kind.length() - 1) + " " + name + " (" + id + ")");
      }
    }));
    return missing;
  }
}
