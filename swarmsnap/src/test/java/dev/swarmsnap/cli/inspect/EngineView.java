package dev.swarmsnap.cli.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swarmsnap.lab.CommandResult;
import dev.swarmsnap.lab.Lab;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a live engine says, through the {@code docker} CLI (Engine API bodies, as backup records
 * them in {@code api/*.json}): used as the reference the offline reader must agree with.
 */
final class EngineView {
  private static final Duration T = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<String, JsonNode> docs = new TreeMap<>();

  static EngineView of(Lab lab, String node) {
    EngineView v = new EngineView();
    v.docs.put("swarm", v.json(lab.docker(node, T, "info", "--format", "{{json .Swarm.Cluster}}")));
    v.docs.put("nodes", v.inspectAll(lab, node, ids(lab, node, "node", "ls", "-q"), "node", "inspect"));
    v.docs.put("services", v.inspectAll(lab, node, ids(lab, node, "service", "ls", "-q"), "service", "inspect"));
    v.docs.put("configs", v.inspectAll(lab, node, ids(lab, node, "config", "ls", "-q"), "config", "inspect"));
    v.docs.put("secrets", v.inspectAll(lab, node, ids(lab, node, "secret", "ls", "-q"), "secret", "inspect"));
    v.docs.put("networks", v.inspectAll(lab, node,
        ids(lab, node, "network", "ls", "-q", "--no-trunc", "--filter", "scope=swarm"), "network", "inspect"));
    return v;
  }

  /** {@code id -> version} of one kind ({@code nodes}, {@code services}, ...; networks: version -1). */
  Map<String, Long> versions(String kind) {
    Map<String, Long> out = new TreeMap<>();
    docs.get(kind).forEach(o -> out.put(o.has("ID") ? o.get("ID").asText() : o.get("Id").asText(),
        o.path("Version").path("Index").asLong(-1)));
    return out;
  }

  JsonNode swarm() {
    return docs.get("swarm");
  }

  Map<String, byte[]> documents() {
    Map<String, byte[]> out = new TreeMap<>();
    docs.forEach((k, v) -> out.put(k, v.toString().getBytes(StandardCharsets.UTF_8)));
    return out;
  }

  private static List<String> ids(Lab lab, String node, String... args) {
    CommandResult r = lab.docker(node, T, args).requireOk(String.join(" ", args));
    List<String> ids = new ArrayList<>();
    for (String line : r.stdout().split("\n")) {
      if (!line.isBlank()) {
        ids.add(line.strip());
      }
    }
    return ids;
  }

  private JsonNode inspectAll(Lab lab, String node, List<String> ids, String... command) {
    if (ids.isEmpty()) {
      return JSON.createArrayNode();
    }
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(ids);
    JsonNode n = json(lab.docker(node, T, args.toArray(String[]::new)));
    return n.isArray() ? n : JSON.createArrayNode().add(n);
  }

  private JsonNode json(CommandResult r) {
    r.requireOk(String.join(" ", r.command()));
    try {
      return JSON.readTree(r.stdout());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code id -> version} of one kind in {@code inspect --json} output. */
  static Map<String, Long> versions(JsonNode inspectJson, String kind) {
    Map<String, Long> out = new TreeMap<>();
    inspectJson.get(kind).forEach(o -> out.put(o.get("id").asText(), o.get("version").asLong()));
    return out;
  }

  /** {@code id -> field} of one kind in {@code inspect --json} output. */
  static Map<String, String> fields(JsonNode inspectJson, String kind, String field) {
    Map<String, String> out = new TreeMap<>();
    inspectJson.get(kind).forEach(o -> out.put(o.get("id").asText(), o.path(field).asText()));
    return out;
  }

  /** The object of one kind named {@code name} in {@code inspect --json} output. */
  static JsonNode named(JsonNode inspectJson, String kind, String name) {
    for (JsonNode o : inspectJson.get(kind)) {
      if (o.get("name").asText().equals(name)) {
        return o;
      }
    }
    throw new AssertionError("no " + name + " among the " + kind + " of " + inspectJson);
  }

  /** {@code network id -> Driver}, as the engine reports it. */
  Map<String, String> networkDrivers() {
    Map<String, String> out = new TreeMap<>();
    docs.get("networks").forEach(n -> out.put(n.get("Id").asText(), n.path("Driver").asText()));
    return out;
  }

  /** {@code node id -> ManagerStatus.Addr} (empty for a worker). */
  Map<String, String> managerAddrs() {
    Map<String, String> out = new TreeMap<>();
    docs.get("nodes").forEach(n -> out.put(n.get("ID").asText(), n.path("ManagerStatus").path("Addr").asText()));
    return out;
  }

  /** {@code Spec.Mode.ReplicatedJob} of the service named {@code name}. */
  JsonNode replicatedJob(String name) {
    for (JsonNode s : docs.get("services")) {
      if (s.path("Spec").path("Name").asText().equals(name)) {
        return s.path("Spec").path("Mode").path("ReplicatedJob");
      }
    }
    throw new AssertionError("the engine lists no service " + name);
  }
}
