package dev.swarmsnap.engine.dockerjava;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.swarmsnap.engine.EngineEndpoint;
import dev.swarmsnap.engine.EngineRequestException;
import dev.swarmsnap.engine.EngineUnreachableException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One connection pool to one engine: requests with the endpoint's timeouts, the API version
 * negotiated once, and the engine's errors turned into {@link EngineRequestException} or {@link
 * EngineUnreachableException}. Shared by the adapters of this package so each port states only its
 * endpoints.
 */
final class EngineHttp implements AutoCloseable {
  private final EngineEndpoint endpoint;
  private final DockerHttpClient http;
  private final ObjectMapper mapper;
  private String apiPrefix;

  EngineHttp(EngineEndpoint endpoint, ObjectMapper mapper) {
    this.endpoint = endpoint;
    this.mapper = mapper;
    this.http =
        new ZerodepDockerHttpClient.Builder()
            .dockerHost(endpoint.host())
            .connectionTimeout(endpoint.connectTimeout())
            .responseTimeout(endpoint.requestTimeout())
            .maxConnections(4)
            .build();
  }

  /** {@code GET /_ping} without the version prefix: true when the engine answers. Never throws. */
  boolean ping() {
    DockerHttpClient.Request ping = DockerHttpClient.Request.builder().method("GET").path("/_ping").build();
    try (DockerHttpClient.Response response = http.execute(ping)) {
      readAll(response.getBody());
      return response.getStatusCode() == 200;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  JsonNode get(String path) {
    return request("GET", path, null);
  }

  JsonNode request(String method, String path, byte[] body) {
    byte[] bytes = exchange(method, path, body);
    try {
      return bytes.length == 0 ? mapper.nullNode() : mapper.readTree(bytes);
    } catch (IOException e) {
      throw new EngineRequestException(method + " " + path, 200, "the engine answered with invalid JSON");
    }
  }

  byte[] bytes(JsonNode node) {
    try {
      return mapper.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise a request body", e);
    }
  }

  byte[] exchange(String method, String path, byte[] body) {
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

  String endpoint() {
    return endpoint.host().toString();
  }

  @Override
  public void close() {
    try {
      http.close();
    } catch (IOException ignored) {
      // Nothing is left to flush in the connection pool; a failed close changes no result.
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
    return new String(body, StandardCharsets.UTF_8).trim();
  }

  private static byte[] readAll(InputStream in) throws IOException {
    return in == null ? new byte[0] : in.readAllBytes();
  }
}
