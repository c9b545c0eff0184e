package dev.swarmsnap.engine.dockerjava;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarmsnap.engine.EngineClient;
import dev.swarmsnap.engine.EngineEndpoint;
import dev.swarmsnap.engine.EngineInfo;
import dev.swarmsnap.engine.EngineRequestException;
import dev.swarmsnap.engine.EngineVersion;
import dev.swarmsnap.engine.SwarmNode;
import java.io.IOException;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@link EngineClient} over docker-java's zero-dependency transport (Unix socket or TCP, HTTP/1.1,
 * timeouts). We use docker-java for the connection but not its command layer: that layer has no
 * {@code /swarm/unlock} or {@code /swarm/unlockkey}, its models drop fields swarmsnap needs (the
 * omitted-when-false {@code Leader}, the cluster's autolock flag in {@code /info}), and it would pull
 * Guava and a second BouncyCastle into the jar. The few endpoints we need are mapped by {@link
 * EngineJson}.
 */
public final class DockerJavaEngineClient implements EngineClient {
  private final ObjectMapper mapper = new ObjectMapper();
  private final EngineHttp http;
  private final EngineJson json = new EngineJson();

  public DockerJavaEngineClient(EngineEndpoint endpoint) {
    this.http = new EngineHttp(endpoint, mapper);
  }

  @Override
  public EngineVersion version() {
    return json.version(get("/version"));
  }

  @Override
  public EngineInfo info() {
    return json.info(get("/info"));
  }

  @Override
  public List<SwarmNode> nodes() {
    return json.nodes(get("/nodes"));
  }

  @Override
  public boolean ping() {
    return http.ping();
  }

  @Override
  public SwarmNode node(String id) {
    return json.node(get("/nodes/" + id));
  }

  @Override
  public SortedMap<String, byte[]> apiSnapshot() {
    SortedMap<String, byte[]> documents = new TreeMap<>();
    for (String name : List.of("version", "info", "swarm", "nodes", "services", "networks", "configs", "secrets", "tasks")) {
      JsonNode document = get("/" + name);
      if (document instanceof ObjectNode object) {
        // Join tokens let anyone join the swarm; the backup has no use for them.
        object.remove("JoinTokens");
      }
      if (name.equals("configs")) {
        // Config payloads are in the raft state already; here they would double the archive.
        for (JsonNode config : document) {
          if (config.path("Spec") instanceof ObjectNode spec) {
            spec.remove("Data");
          }
        }
      }
      try {
        documents.put(name, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(document));
      } catch (IOException e) {
        throw new IllegalStateException("cannot re-serialise " + name, e);
      }
    }
    return documents;
  }

  @Override
  public char[] unlockKey() {
    JsonNode answer = get("/swarm/unlockkey");
    return answer.path("UnlockKey").asText("").toCharArray();
  }

  @Override
  public void unlock(char[] unlockKey) {
    // Built by hand so the key never becomes an immutable String that lingers on the heap.
    byte[] body = unlockBody(unlockKey);
    try {
      exchange("POST", "/swarm/unlock", body);
    } finally {
      java.util.Arrays.fill(body, (byte) 0);
    }
  }

  @Override
  public String swarmInit(boolean forceNewCluster, String advertiseAddr, String listenAddr) {
    ObjectNode body = mapper.createObjectNode();
    body.put("ListenAddr", listenAddr);
    body.put("AdvertiseAddr", advertiseAddr);
    body.put("ForceNewCluster", forceNewCluster);
    body.putObject("Spec");
    JsonNode answer = request("POST", "/swarm/init", bytes(body));
    return answer.isTextual() ? answer.asText() : "";
  }

  @Override
  public void swarmUpdateAutolock(boolean autolock) {
    updateAutolock(autolock, false);
  }

  @Override
  public void autolockWithNewKey() {
    updateAutolock(true, true);
  }

  private void updateAutolock(boolean autolock, boolean rotateKey) {
    JsonNode swarm = get("/swarm");
    long version = swarm.path("Version").path("Index").asLong(-1);
    if (version < 0 || !(swarm.path("Spec") instanceof ObjectNode spec)) {
      throw new EngineRequestException("GET /swarm", 200, "the answer has no Version.Index or Spec");
    }
    JsonNode encryption = spec.path("EncryptionConfig");
    ObjectNode encryptionConfig = encryption instanceof ObjectNode o ? o : spec.putObject("EncryptionConfig");
    encryptionConfig.put("AutoLockManagers", autolock);
    request("POST", "/swarm/update?version=" + version
        + "&rotateWorkerToken=false&rotateManagerToken=false&rotateManagerUnlockKey=" + rotateKey, bytes(spec));
  }

  @Override
  public void removeNode(String id, boolean force) {
    exchange("DELETE", "/nodes/" + id + (force ? "?force=true" : ""), null);
  }

  @Override
  public String endpoint() {
    return http.endpoint();
  }

  @Override
  public void close() {
    http.close();
  }

  private byte[] bytes(JsonNode node) {
    return http.bytes(node);
  }

  private JsonNode get(String path) {
    return http.get(path);
  }

  private JsonNode request(String method, String path, byte[] body) {
    return http.request(method, path, body);
  }

  private void exchange(String method, String path, byte[] body) {
    http.exchange(method, path, body);
  }

  private static byte[] unlockBody(char[] key) {
    String prefix = "{\"UnlockKey\":\"";
    byte[] body = new byte[prefix.length() + key.length + 2];
    int i = 0;
    for (char c : prefix.toCharArray()) {
      body[i++] = (byte) c;
    }
    for (char c : key) {
      // Unlock keys are SWMKEY-1- plus base64: plain ASCII, nothing to escape.
      body[i++] = (byte) c;
    }
    body[i++] = '"';
    body[i] = '}';
    return body;
  }
}
