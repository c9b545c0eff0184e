package dev.swarmsnap.core.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** The real fixtures of src/test/resources/fixtures, and Engine-API-shaped documents from their api-view. */
public final class RealState {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RealState() {}

  public static Path unpack(String name, Path into) throws IOException, InterruptedException {
    Path dest = Files.createDirectories(into.resolve(name));
    Process p = new ProcessBuilder("tar", "-xzf", resource(name + "/swarm.tar.gz").toString(), "-C", dest.toString())
        .redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    if (p.waitFor() != 0) {
      throw new IOException("tar failed for " + name);
    }
    return dest.resolve("swarm");
  }

  public static Path resource(String rel) {
    try {
      return Path.of(RealState.class.getResource("/fixtures/" + rel).toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code api/*.json} as the engine would have answered, rebuilt from the fixture's api-view.json. */
  public static Map<String, byte[]> apiDocuments(String name) throws IOException {
    JsonNode view = JSON.readTree(resource(name + "/api-view.json").toFile());
    Map<String, byte[]> docs = new TreeMap<>();
    ObjectNode swarm = JSON.createObjectNode();
    swarm.put("ID", view.path("cluster").path("id").asText());
    swarm.putObject("Version").put("Index", view.path("cluster").path("version").asLong());
    docs.put("swarm", JSON.writeValueAsBytes(swarm));
    for (String kind : new String[] {"nodes", "services", "configs", "secrets", "networks"}) {
      ArrayNode list = JSON.createArrayNode();
      for (JsonNode o : view.path(kind)) {
        ObjectNode n = list.addObject();
        n.put(kind.equals("networks") ? "Id" : "ID", o.path("id").asText());
        if (o.has("version")) {
          n.putObject("Version").put("Index", o.path("version").asLong());
        }
        if (kind.equals("nodes")) {
          n.putObject("Description").put("Hostname", o.path("name").asText());
        } else if (kind.equals("networks")) {
          n.put("Name", o.path("name").asText());
          n.put("Scope", "swarm");
        } else {
          n.putObject("Spec").put("Name", o.path("name").asText());
        }
      }
      docs.put(kind, JSON.writeValueAsBytes(list));
    }
    return docs;
  }
}
