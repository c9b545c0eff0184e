package dev.swarmsnap.logical;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarmsnap.swarmstate.model.SecretValue;
import java.util.Objects;
import java.util.Optional;

/**
 * One swarm object in the Engine API's JSON shape, referring to others by name (see
 * docs/export-format.md). Build with {@link #of} and the {@code with...} methods rather than the
 * long constructor.
 *
 * @param spec the Engine API spec ({@code ServiceSpec}, {@code SecretSpec} without {@code Data},
 *     {@code ConfigSpec} with {@code Data}, a {@code NetworkCreate}-like object); held as a private
 *     copy, and the accessor hands out a copy, so the record stays immutable
 * @param sourceId the object's ID where it was read (informative; never used as a reference)
 * @param sourceVersion the object's version index where it was read
 * @param valueDigest for a secret whose value the source knows: {@code sha256:<hex>} of the value
 * @param value for a secret, its plaintext, only when the user asked for secret values
 * @param rawSpec base64 of the swarmkit protobuf spec bytes, for archive and directory sources
 */
public record LogicalObject(
    ObjectKind kind,
    String name,
    ObjectNode spec,
    Optional<String> sourceId,
    Optional<Long> sourceVersion,
    Optional<String> valueDigest,
    Optional<SecretValue> value,
    Optional<String> rawSpec) {

  public LogicalObject {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    spec = Objects.requireNonNull(spec, "spec").deepCopy();
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(sourceVersion, "sourceVersion");
    Objects.requireNonNull(valueDigest, "valueDigest");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(rawSpec, "rawSpec");
    if (kind != ObjectKind.SECRET && (valueDigest.isPresent() || value.isPresent())) {
      throw new IllegalArgumentException("only secrets carry a value");
    }
    if (kind == ObjectKind.SECRET && spec.has("Data")) {
      throw new IllegalArgumentException("a secret's spec never holds Data; the value is kept apart");
    }
  }

  /** An object with only its kind, name and spec. */
  public static LogicalObject of(ObjectKind kind, String name, ObjectNode spec) {
    return new LogicalObject(kind, name, spec, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty());
  }

  @Override
  public ObjectNode spec() {
    return spec.deepCopy();
  }

  public LogicalObject withSource(String id, long version) {
    return new LogicalObject(kind, name, spec, Optional.of(id), Optional.of(version), valueDigest, value, rawSpec);
  }

  public LogicalObject withValueDigest(String digest) {
    return new LogicalObject(kind, name, spec, sourceId, sourceVersion, Optional.of(digest), value, rawSpec);
  }

  public LogicalObject withValue(SecretValue secret) {
    return new LogicalObject(kind, name, spec, sourceId, sourceVersion, valueDigest, Optional.of(secret), rawSpec);
  }

  /** The same object without the secret's plaintext (its digest stays). */
  public LogicalObject withoutValue() {
    return new LogicalObject(kind, name, spec, sourceId, sourceVersion, valueDigest, Optional.empty(), rawSpec);
  }

  public LogicalObject withRawSpec(String base64) {
    return new LogicalObject(kind, name, spec, sourceId, sourceVersion, valueDigest, value, Optional.of(base64));
  }

  /** {@code kind/name}, as selectors and messages write it. */
  public String key() {
    return kind.label() + "/" + name;
  }

  /** Never shows the secret's value (the {@link SecretValue} itself prints as redacted). */
  @Override
  public String toString() {
    return "LogicalObject[" + key() + (value.isPresent() ? ", value redacted" : "") + "]";
  }
}
