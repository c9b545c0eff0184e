package dev.swarmsnap.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;

/** JSON of the repository's small objects: the config and the index records. Thread-safe. */
public final class RepositoryCodec {
  private final ObjectMapper mapper =
      new ObjectMapper()
          .findAndRegisterModules()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          // Newer writers may add fields; older readers ignore them (the layout version guards meaning).
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public byte[] encode(Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
    }
  }

  /**
   * Decodes {@code json} read from {@code source}.
   *
   * @throws RepositoryException naming the source when the JSON is malformed or a field is invalid
   */
  public <T> T decode(byte[] json, Class<T> type, String source) {
    try {
      return mapper.readValue(json, type);
    } catch (IOException | IllegalArgumentException e) {
      throw new RepositoryException(
          source + " is not a valid " + type.getSimpleName() + ": " + e.getMessage().lines().findFirst().orElse(""),
          "the repository object is damaged; remove it by hand if it is an index record, or restore it from a copy",
          e);
    }
  }
}
