package dev.swarmsnap.archive.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
          "manifest.json in " + source + " is not valid JSON" + position(e), e);
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

  /**
   * What is wrong, in our words: validation in the records throws IllegalArgumentException (its
   * message is ours), which Jackson wraps; Jackson's own messages name Java types and quote input.
   */
  private static String rootMessage(Exception e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    if (t instanceof IllegalArgumentException && !(t.getClass().getName().startsWith("com.fasterxml"))) {
      return t.getMessage();
    }
    if (t instanceof NullPointerException && t.getMessage() != null && t.getMessage().matches("[a-z_]+")) {
      return "required field " + t.getMessage() + " is missing";
    }
    if (e instanceof MismatchedInputException mismatch
        && String.valueOf(mismatch.getOriginalMessage()).startsWith("Missing required")) {
      Matcher property = QUOTED.matcher(mismatch.getOriginalMessage());
      return property.find() ? "required field " + property.group(1) + " is missing" : "a required field is missing";
    }
    return "a field is missing, null or of the wrong type";
  }

  private static final Pattern QUOTED = Pattern.compile("'([A-Za-z0-9_]+)'");

  /** Line and column of a syntax error; never the offending text, which may be anything. */
  private static String position(IOException e) {
    if (!(e instanceof JsonProcessingException processing) || processing.getLocation() == null) {
      return "";
    }
    Matcher duplicate = QUOTED.matcher(String.valueOf(processing.getOriginalMessage()));
    boolean isDuplicate = String.valueOf(processing.getOriginalMessage()).startsWith("Duplicate field") && duplicate.find();
    return (isDuplicate ? ": field " + duplicate.group(1) + " appears twice" : "")
        + " (line " + processing.getLocation().getLineNr() + ", column " + processing.getLocation().getColumnNr() + ")";
  }
}
