package dev.swarmsnap.archive.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * Reads and writes {@code manifest.json}: UTF-8 JSON, snake_case field names, pretty-printed,
 * absent optionals omitted, times as ISO-8601 UTC strings. Reading checks {@code format_version}
 * before anything else, so a newer format is refused with a clear message even if its layout
 * changed; unknown fields are ignored so later format-1 writers may add fields. Thread-safe.
 */
public final class ManifestCodec {
  /**
   * Built on first use, not with the codec: commands that may never meet a manifest (verify or
   * inspect of a directory) would otherwise pay for Jackson's start-up on every run.
   */
  private volatile ObjectMapper mapper;

  private ObjectMapper mapper() {
    ObjectMapper m = mapper;
    if (m == null) {
      m = newMapper();
      mapper = m;
    }
    return m;
  }

  private static ObjectMapper newMapper() {
    return JsonMapper.builder()
        .addModule(new Jdk8Module())
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT, JsonInclude.Include.NON_ABSENT))
        .build();
  }

  public byte[] encode(Manifest manifest) {
    try {
      return mapper().writeValueAsBytes(manifest);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode the manifest", e);
    }
  }

  /**
   * Decodes and validates a manifest.
   *
   * @param source where the bytes came from, for messages (e.g. the archive path)
   * @throws UnsupportedFormatVersionException if its format is outside the readable range
   * @throws ManifestFormatException if it is not JSON or breaks a rule of the format
   */
  public Manifest decode(byte[] json, String source) {
    JsonNode tree;
    try {
      tree = mapper().readTree(json);
    } catch (IOException e) {
      throw new ManifestFormatException(
          "manifest.json in " + source + " is not valid JSON: " + originalMessage(e), e);
    }
    if (tree == null || !tree.isObject()) {
      throw new ManifestFormatException("manifest.json in " + source + " is not a JSON object", null);
    }
    JsonNode version = tree.get("format_version");
    if (version == null || !version.canConvertToExactIntegral() || !version.canConvertToInt()) {
      throw new ManifestFormatException(
          "manifest.json in " + source + " has no integer format_version", null);
    }
    if (version.intValue() < 1) {
      throw new ManifestFormatException(
          "manifest.json in " + source + " has an invalid format_version " + version, null);
    }
    FormatVersion.of(version.intValue()).requireReadable();
    try {
      return mapper().treeToValue(tree, Manifest.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new ManifestFormatException(
          "manifest.json in " + source + " is invalid" + location(e) + ": " + rootMessage(e), e);
    }
  }

  private static String location(Exception e) {
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return " at "
          + mapping.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining("."))
              .replace(".[", "[");
    }
    return "";
  }

  /** Validation in the records throws IllegalArgumentException, which Jackson wraps. */
  private static String rootMessage(Exception e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t instanceof JsonProcessingException processing ? processing.getOriginalMessage() : t.getMessage();
  }

  private static String originalMessage(IOException e) {
    return e instanceof JsonProcessingException processing ? processing.getOriginalMessage() : e.getMessage();
  }
}
