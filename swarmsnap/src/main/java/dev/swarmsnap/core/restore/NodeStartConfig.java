package dev.swarmsnap.core.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swarmsnap.error.CorruptStateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The addresses in dockerd's {@code docker-state.json} (swarm-state-format.md §1): where the
 * restored manager listened and what it advertised at backup time.
 */
public record NodeStartConfig(String listenAddr, Optional<String> advertiseAddr) {
  public static final String DEFAULT_LISTEN = "0.0.0.0:2377";

  public static NodeStartConfig read(Path file) {
    if (!Files.isRegularFile(file)) {
      return new NodeStartConfig(DEFAULT_LISTEN, Optional.empty());
    }
    try {
      JsonNode json = new ObjectMapper().readTree(file.toFile());
      String listen = json.path("ListenAddr").asText("");
      String advertise = json.path("AdvertiseAddr").asText("");
      return new NodeStartConfig(
          listen.isBlank() ? DEFAULT_LISTEN : listen, advertise.isBlank() ? Optional.empty() : Optional.of(advertise));
    } catch (IOException e) {
      throw new CorruptStateException(file, 0, "dockerd's JSON start configuration", e.getMessage(), e);
    }
  }
}
