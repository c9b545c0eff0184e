package dev.swarmsnap.logical;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarmsnap.error.BadInputException;
import dev.swarmsnap.swarmstate.model.SecretValue;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes and reads the export document (docs/export-format.md): UTF-8 JSON, pretty-printed, with
 * {@code "format":"swarmsnap-export"} and {@code "formatVersion"} first. Reading checks the format
 * and version before anything else, so a newer document is refused with a clear message even if its
 * layout changed, then refuses unknown kinds, duplicate names and missing fields. Unknown fields
 * inside a spec are kept (they may be a newer engine's). Secret values are written exactly when the
 * document holds them; the caller drops them ({@link ExportDocument#withoutSecretValues()}) unless
 * the user asked. Thread-safe.
 */
public final class ExportDocumentCodec {
  public static final String FORMAT = "swarmsnap-export";

  /** Deep enough for any Engine API spec, shallow enough that hostile nesting fails fast. */
  private static final int MAX_NESTING = 64;

  private final ObjectMapper mapper = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  public ExportDocumentCodec() {
    mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build());
  }

  /** The document as JSON bytes, secret values included when the document holds them. */
  public byte[] write(ExportDocument doc) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("format", FORMAT);
    root.put("formatVersion", doc.formatVersion());
    ObjectNode source = root.putObject("source");
    source.put("kind", doc.source().kind().label());
    doc.source().clusterId().ifPresent(v -> source.put("clusterId", v));
    doc.source().engineVersion().ifPresent(v -> source.put("engineVersion", v));
    doc.source().takenAt().ifPresent(v -> source.put("takenAt", v.toString()));
    doc.cluster().ifPresent(c -> {
      ObjectNode cluster = root.putObject("cluster");
      cluster.set("spec", c.swarmSpec());
      ArrayNode pool = cluster.putArray("defaultAddrPool");
      c.defaultAddrPool().forEach(pool::add);
      cluster.put("subnetSize", c.subnetSize());
      cluster.put("dataPathPort", c.dataPathPort());
      c.ingress().ifPresent(ingress -> cluster.set("ingress", ingress));
    });
    ArrayNode objects = root.putArray("objects");
    for (LogicalObject o : doc.objects()) {
      ObjectNode n = objects.addObject();
      n.put("kind", o.kind().label());
      n.put("name", o.name());
      o.sourceId().ifPresent(v -> n.put("sourceId", v));
      o.sourceVersion().ifPresent(v -> n.put("sourceVersion", v));
      o.valueDigest().ifPresent(v -> n.put("valueDigest", v));
      o.value().ifPresent(v -> {
        byte[] plain = v.reveal();
        n.put("value", Base64.getEncoder().encodeToString(plain));
        Arrays.fill(plain, (byte) 0);
      });
      o.rawSpec().ifPresent(v -> n.put("rawSpec", v));
      n.set("spec", o.spec());
    }
    try {
      byte[] out = mapper.writeValueAsBytes(root);
      byte[] withNewline = Arrays.copyOf(out, out.length + 1);
      withNewline[out.length] = '\n';
      return withNewline;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode the export document", e);
    }
  }

  /**
   * Reads and checks a document.
   *
   * @param origin where the bytes came from, for messages (a file name)
   * @throws BadInputException (exit 2) for anything that is not a valid document of a version this
   *     code reads
   */
  public ExportDocument read(byte[] json, String origin) {
    JsonNode root;
    try {
      root = mapper.readTree(json);
    } catch (IOException e) {
      throw bad(origin, "is not valid JSON");
    }
    if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText(null))) {
      throw bad(origin, "is not a swarmsnap export document (no \"format\": \"" + FORMAT + "\")");
    }
    JsonNode version = root.get("formatVersion");
    if (version == null || !version.canConvertToInt() || !version.isIntegralNumber() || version.intValue() < 1) {
      throw bad(origin, "has no valid formatVersion");
    }
    if (version.intValue() > ExportDocument.FORMAT_VERSION) {
      throw new BadInputException(Printable.of(origin) + " is an export document of format version " + version.intValue()
          + ", newer than this swarmsnap reads (" + ExportDocument.FORMAT_VERSION + ")",
          "use a newer swarmsnap to read it");
    }
    Fields f = new Fields(origin);
    ExportSource source = source(f.object(root, "source", "the document"), f);
    Optional<ClusterSettings> cluster = root.has("cluster")
        ? Optional.of(cluster(f.object(root, "cluster", "the document"), f)) : Optional.empty();
    JsonNode list = root.get("objects");
    if (list == null || !list.isArray()) {
      throw bad(origin, "has no \"objects\" list");
    }
    List<LogicalObject> objects = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      LogicalObject o = object(list.get(i), i, f);
      if (!seen.add(o.key())) {
        throw bad(origin, "names " + Printable.of(o.key()) + " twice");
      }
      objects.add(o);
    }
    return new ExportDocument(version.intValue(), source, cluster, objects);
  }

  private static ExportSource source(JsonNode n, Fields f) {
    String kindText = f.text(n, "kind", "the source");
    ExportSource.Kind kind = Arrays.stream(ExportSource.Kind.values()).filter(k -> k.label().equals(kindText)).findFirst()
        .orElseThrow(() -> bad(f.origin, "has an unknown source kind '" + Printable.of(kindText) + "'"));
    Optional<Instant> takenAt = f.optionalText(n, "takenAt", "the source").map(t -> {
      try {
        return Instant.parse(t);
      } catch (DateTimeParseException e) {
        throw bad(f.origin, "has a source time that is no ISO-8601 instant");
      }
    });
    return new ExportSource(kind, f.optionalText(n, "clusterId", "the source"),
        f.optionalText(n, "engineVersion", "the source"), takenAt);
  }

  private static ClusterSettings cluster(JsonNode n, Fields f) {
    ObjectNode spec = f.object(n, "spec", "the cluster");
    JsonNode pool = n.path("defaultAddrPool");
    List<String> addrs = new ArrayList<>();
    if (!pool.isMissingNode()) {
      if (!pool.isArray()) {
        throw bad(f.origin, "has a cluster defaultAddrPool that is no list");
      }
      pool.forEach(p -> addrs.add(p.asText()));
    }
    // Optional: documents written before it was carried have none.
    Optional<ObjectNode> ingress = n.has("ingress") ? Optional.of(f.object(n, "ingress", "the cluster")) : Optional.empty();
    return new ClusterSettings(spec, addrs, f.integer(n, "subnetSize", "the cluster"), f.integer(n, "dataPathPort", "the cluster"),
        ingress);
  }

  private static LogicalObject object(JsonNode n, int index, Fields f) {
    String where = "object " + (index + 1);
    if (!n.isObject()) {
      throw bad(f.origin, "has an " + where + " that is no JSON object");
    }
    ObjectKind kind = ObjectKind.parse(f.text(n, "kind", where));
    String name = f.text(n, "name", where);
    where = kind.label() + "/" + Printable.of(name);
    ObjectNode spec = f.object(n, "spec", where);
    JsonNode specName = spec.get("Name");
    if (specName != null && !name.equals(specName.asText())) {
      throw bad(f.origin, "has " + where + " whose spec is named '" + Printable.of(specName.asText()) + "'");
    }
    if (kind == ObjectKind.SECRET && spec.has("Data")) {
      throw bad(f.origin, "has " + where + " with Data in its spec (secret values belong in \"value\")");
    }
    LogicalObject o = LogicalObject.of(kind, name, spec);
    if (n.has("sourceId")) {
      o = o.withSource(f.text(n, "sourceId", where), f.longValue(n, "sourceVersion", where));
    }
    Optional<String> raw = f.optionalText(n, "rawSpec", where);
    if (raw.isPresent()) {
      o = o.withRawSpec(raw.get());
    }
    Optional<String> digest = f.optionalText(n, "valueDigest", where);
    Optional<String> value = f.optionalText(n, "value", where);
    if (kind != ObjectKind.SECRET && (digest.isPresent() || value.isPresent())) {
      throw bad(f.origin, "has " + where + " with a value; only secrets have one");
    }
    if (digest.isPresent() && !SecretDigest.isWellFormed(digest.get())) {
      throw bad(f.origin, "has " + where + " whose valueDigest is no sha256:<64 hex digits>");
    }
    if (value.isPresent()) {
      byte[] plain;
      try {
        plain = Base64.getDecoder().decode(value.get());
      } catch (IllegalArgumentException e) {
        throw bad(f.origin, "has " + where + " whose value is not base64");
      }
      String actual = SecretDigest.of(plain);
      if (digest.isPresent() && !digest.get().equals(actual)) {
        Arrays.fill(plain, (byte) 0);
        throw bad(f.origin, "has " + where + " whose value does not match its valueDigest");
      }
      o = o.withValueDigest(actual).withValue(new SecretValue(plain));
      Arrays.fill(plain, (byte) 0);
    } else if (digest.isPresent()) {
      o = o.withValueDigest(digest.get());
    }
    return o;
  }

  private static BadInputException bad(String origin, String what) {
    return new BadInputException(Printable.of(origin) + " " + what,
        "give a document written by 'swarmsnap export' (see docs/export-format.md)");
  }

  /** Typed, checked access to required and optional fields, naming the document in errors. */
  private record Fields(String origin) {
    String text(JsonNode n, String field, String where) {
      JsonNode v = n.get(field);
      if (v == null || !v.isTextual() || v.asText().isEmpty()) {
        throw bad(origin, "has " + where + " without a \"" + field + "\" text");
      }
      return v.asText();
    }

    Optional<String> optionalText(JsonNode n, String field, String where) {
      JsonNode v = n.get(field);
      if (v == null || v.isNull()) {
        return Optional.empty();
      }
      if (!v.isTextual()) {
        throw bad(origin, "has " + where + " whose \"" + field + "\" is no text");
      }
      return Optional.of(v.asText());
    }

    ObjectNode object(JsonNode n, String field, String where) {
      JsonNode v = n.get(field);
      if (v == null || !v.isObject()) {
        throw bad(origin, "has " + where + " without a \"" + field + "\" object");
      }
      return (ObjectNode) v;
    }

    int integer(JsonNode n, String field, String where) {
      JsonNode v = n.get(field);
      if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
        throw bad(origin, "has " + where + " without a whole-number \"" + field + "\"");
      }
      return v.intValue();
    }

    long longValue(JsonNode n, String field, String where) {
      JsonNode v = n.get(field);
      if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
        throw bad(origin, "has " + where + " without a whole-number \"" + field + "\"");
      }
      return v.longValue();
    }
  }
}
