package dev.swarmsnap.swarmstate.convert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarmsnap.swarmstate.model.SecretValue;
import java.util.Objects;
import java.util.Optional;

/**
 * One store object converted to the Engine API's JSON shape.
 *
 * @param version meta.version.index
 * @param spec the converted spec (a private copy; the accessor hands out a copy)
 * @param rawSpec base64 of the protobuf spec bytes as stored, a secret's data cleared first
 * @param value a secret's plaintext, when the store holds it (empty for driver-backed secrets and
 *     for every other kind)
 */
public record SpecObject(String id, long version, String name, ObjectNode spec, String rawSpec, Optional<SecretValue> value) {
  public SpecObject {
    spec = Objects.requireNonNull(spec, "spec").deepCopy();
    Objects.requireNonNull(value, "value");
  }

  @Override
  public ObjectNode spec() {
    return spec.deepCopy();
  }

  @Override
  public String toString() {
    return "SpecObject[" + id + " " + name + "]";
  }
}
