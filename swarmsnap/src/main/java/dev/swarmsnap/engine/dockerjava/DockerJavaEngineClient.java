package dev.swarmsnap.engine.dockerjava;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.swarmsnap.engine.EngineClient;
import dev.swarmsnap.engine.EngineEndpoint;
import dev.swarmsnap.engine.EngineInfo;
import dev.swarmsnap.engine.EngineRequestException;
import dev.swarmsnap.engine.EngineUnreachableException;
import dev.swarmsnap.engine.EngineVersion;
import dev.swarmsnap.engine.SwarmNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
  private final EngineEndpoint endpoint;
  private final DockerHttpClient http;
  private final ObjectMapper mapper = new ObjectMapper();
  private final EngineJson json = new EngineJson();
  private String apiPrefix;

  public DockerJavaEngineClient(EngineEndpoint endpoint) {
    this.endpoint = endpoint;
    this.http =
        new ZerodepDockerHttpClient.Builder()
            .dockerHost(endpoint.host())
            .connectionTimeout(endpoint.connectTimeout())
            .responseTimeout(endpoint.requestTimeout())
            .maxConnections(4)
            .build();
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
    DockerHttpClient.Request ping = DockerHttpClient.Request.builder().method("GET").path("/_ping").build();
    try (DockerHttpClient.Response response = http.execute(ping)) {
      readAll(response.getBody());
      return response.getStatusCode() == 200;
    } catch (IOException | RuntimeException e) {
      return false;
    }
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
    return endpoint.host().toString();
  }

  @Override
  public void close() {
    try {
      http.close();
    } catch (IOException ignored) {
      // Nothing is left to flush on a read-only connection pool; a failed close changes no result.
    }
  }

  private byte[] bytes(JsonNode node) {
    try {
      return mapper.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise a request body", e);
    }
  }

  private JsonNode get(String path) {
    return request("GET", path, null);
  }

  private JsonNode request(String method, String path, byte[] body) {
    byte[] bytes = exchange(method, path, body);
    try {
      return bytes.length == 0 ? mapper.nullNode() : mapper.readTree(bytes);
    } catch (IOException e) {
      throw new EngineRequestException(method + " " + path, 200, "the engine answered with invalid JSON");
    }
  }

  private byte[] exchange(String method, String path, byte[] body) {
    String versioned = apiPrefix() + path;
    DockerHttpClient.Request.Builder builder =
        DockerHttpClient.Request.builder().method(method).path(versioned);
    if (body != null) {
      builder.putHeader("Content-Type", "application/json").bodyBytes(body);
    }
    try (DockerHttpClient.Response response = http.execute(builder.build())) {
      byte[] bytes = readAll(response.getBody());
      if (response.getStatusCode() >= 400) {
        throw new EngineRequestException(method + " " + path, response.getStatusCode(), errorMessage(bytes));
      }
      return bytes;
    } catch (IOException | RuntimeException e) {
      if (e instanceof EngineRequestException known) {
        throw known;
      }
      throw unreachable(e);
    }
  }

  /**
   * Negotiates the API version once per client: the engine's own version from {@code /_ping}, so
   * the same code talks to 20.10 (API 1.41) and to engines whose minimum API is newer.
   */
  private String apiPrefix() {
    if (apiPrefix == null) {
      checkSocket();
      DockerHttpClient.Request ping = DockerHttpClient.Request.builder().method("GET").path("/_ping").build();
      try (DockerHttpClient.Response response = http.execute(ping)) {
        readAll(response.getBody());
        String version = response.getHeader("Api-Version");
        apiPrefix = version == null || version.isBlank() ? "" : "/v" + version.trim();
      } catch (IOException | RuntimeException e) {
        throw unreachable(e);
      }
    }
    return apiPrefix;
  }

  private void checkSocket() {
    if (!endpoint.isUnixSocket()) {
      return;
    }
    Path socket = Path.of(endpoint.host().getPath());
    if (!Files.exists(socket)) {
      throw new EngineUnreachableException(
          "cannot reach the Docker engine: socket " + socket + " does not exist",
          "is dockerd running? Point swarmsnap at it with --host or DOCKER_HOST",
          null);
    }
  }

  private EngineUnreachableException unreachable(Exception cause) {
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return new EngineUnreachableException(
        "cannot reach the Docker engine at " + endpoint() + ": " + why,
        "is dockerd running and answering? Check with 'docker -H " + endpoint() + " info'",
        cause);
  }

  private String errorMessage(byte[] body) {
    try {
      JsonNode node = mapper.readTree(body);
      if (node != null && node.hasNonNull("message")) {
        return node.get("message").asText();
      }
    } catch (IOException notJson) {
      // Some engine errors are plain text (docs/engine-behaviour.md §2); fall through and use the text.
    }
    return new String(body, java.nio.charset.StandardCharsets.UTF_8).trim();
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

  private static byte[] readAll(InputStream in) throws IOException {
    return in == null ? new byte[0] : in.readAllBytes();
  }
}
