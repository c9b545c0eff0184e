package dev.swarmsnap.core.replace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarmsnap.durable.AtomicFileWriter;
import dev.swarmsnap.durable.PendingFile;
import dev.swarmsnap.error.CorruptStateException;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The addresses in dockerd's {@code docker-state.json} (docs/swarm-state-format.md §1): where the
 * restored manager listened and what it advertised at backup time.
 */
public record NodeStartConfig(String listenAddr, Optional<String> advertiseAddr) {
  public static final String DEFAULT_LISTEN = "0.0.0.0:2377";

  public static NodeStartConfig read(Path file) {
    if (!Files.isRegularFile(file)) {
      return new NodeStartConfig(DEFAULT_LISTEN, Optional.empty());
    }
    JsonNode json = parse(file);
    String listen = json.path("ListenAddr").asText("");
    String advertise = json.path("AdvertiseAddr").asText("");
    return new NodeStartConfig(
        listen.isBlank() ? DEFAULT_LISTEN : listen, advertise.isBlank() ? Optional.empty() : Optional.of(advertise));
  }

  /**
   * The listen address on a host whose IP is {@code newHost}: a listen address bound to the old IP
   * moves with it; a wildcard stays.
   */
  public String listenOn(String oldHost, String newHost) {
    String host = RaftAddresses.host(listenAddr);
    return host.equals(oldHost) ? RaftAddresses.join(newHost, RaftAddresses.port(listenAddr, "2377")) : listenAddr;
  }

  /**
   * Rewrites {@code file} as dockerd's {@code swarm init} would have written it on this host: its
   * own address as {@code LocalAddr} and {@code AdvertiseAddr}, no {@code RemoteAddr}. A joined
   * manager's file holds the join address in {@code RemoteAddr} and no {@code LocalAddr}; dockerd
   * then finds its own IP by a UDP connect to that address and exits at start if there is no
   * route to it (docs/engine-behaviour.md §1.4). Other fields are kept; written atomically with the file's mode.
   */
  public static void pointAt(Path file, String listenAddr, String newHost, String advertiseAddr) {
    ObjectNode json = (ObjectNode) parse(file);
    json.put("LocalAddr", newHost);
    json.put("RemoteAddr", "");
    json.put("ListenAddr", listenAddr);
    json.put("AdvertiseAddr", advertiseAddr);
    try {
      var mode = Files.getPosixFilePermissions(file);
      byte[] bytes = new ObjectMapper().writeValueAsBytes(json);
      try (PendingFile out = new AtomicFileWriter().create(file, mode)) {
        out.write(bytes, 0, bytes.length);
        out.commit();
      }
    } catch (IOException e) {
      throw new SwarmsnapException(ExitCode.FAILED, "cannot rewrite " + file + ": " + e.getMessage(),
          "nothing outside the extraction was changed", e);
    }
  }

  private static JsonNode parse(Path file) {
    try {
      JsonNode json = new ObjectMapper().readTree(file.toFile());
      if (json == null || !json.isObject()) {
        throw new CorruptStateException(file, 0, "dockerd's JSON start configuration", "no JSON object");
      }
      return json;
    } catch (IOException e) {
      throw new CorruptStateException(file, 0, "dockerd's JSON start configuration", "text that is not valid JSON", e);
    }
  }
}
