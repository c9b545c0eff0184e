package dev.swarmsnap.swarmstate.convert;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Duration;
import dev.swarmsnap.swarmstate.proto.swarmkit.Annotations;
import dev.swarmsnap.swarmstate.proto.swarmkit.Driver;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pieces every converter shares, written the way Go's encoding/json writes moby's types:
 * a field tagged {@code omitempty} is left out when zero or empty, an untagged one is always
 * written. One deliberate difference: a nil pointer, map or slice without {@code omitempty}, which
 * Go writes as {@code null}, is left out too (the engine reads both the same), so documents carry
 * no noise. Maps are written in key order so equal specs give equal bytes.
 */
final class ProtoJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ProtoJson() {}

  static ObjectNode object() {
    return NODES.objectNode();
  }

  /** moby's {@code annotationsFromGRPC}: Name omitempty; Labels always, {@code {}} when none. */
  static void annotations(ObjectNode target, Annotations a) {
    text(target, "Name", a.getName());
    target.set("Labels", map(a.getLabelsMap()));
  }

  /** {@code types.Driver}: Name and Options, both omitempty. */
  static ObjectNode driver(Driver d) {
    ObjectNode n = object();
    text(n, "Name", d.getName());
    mapIfAny(n, "Options", d.getOptionsMap());
    return n;
  }

  static ObjectNode map(Map<String, String> m) {
    ObjectNode n = object();
    new TreeMap<>(m).forEach(n::put);
    return n;
  }

  static void mapIfAny(ObjectNode target, String field, Map<String, String> m) {
    if (!m.isEmpty()) {
      target.set(field, map(m));
    }
  }

  static void text(ObjectNode target, String field, String value) {
    if (!value.isEmpty()) {
      target.put(field, value);
    }
  }

  static void number(ObjectNode target, String field, long value) {
    if (value != 0) {
      target.put(field, value);
    }
  }

  static void flag(ObjectNode target, String field, boolean value) {
    if (value) {
      target.put(field, true);
    }
  }

  static void texts(ObjectNode target, String field, List<String> values) {
    if (!values.isEmpty()) {
      ArrayNode a = target.putArray(field);
      values.forEach(a::add);
    }
  }

  /** Go's {@code time.Duration} in JSON: integer nanoseconds. */
  static long nanos(Duration d) {
    return d.getSeconds() * 1_000_000_000L + d.getNanos();
  }

  /**
   * A proto uint64 as Go writes it: unsigned. Values above Long.MAX_VALUE do not occur in real
   * specs, but are written correctly rather than negative.
   */
  static void unsigned(ObjectNode target, String field, long value) {
    if (value >= 0) {
      target.put(field, value);
    } else {
      target.put(field, new BigInteger(Long.toUnsignedString(value)));
    }
  }

  /**
   * A float32 as Go writes it: its shortest decimal form ({@code 0.2}, not {@code 0.2000000029}),
   * and a whole number without a fraction, so the value reads back the same.
   */
  static void float32(ObjectNode target, String field, float value) {
    double shortest = Double.parseDouble(Float.toString(value));
    if (shortest == Math.rint(shortest) && Math.abs(shortest) < 1e15) {
      target.put(field, (long) shortest);
    } else {
      target.put(field, shortest);
    }
  }

  /** An unsigned proto uint32 (file modes, ports) as Go writes it. */
  static void unsigned32(ObjectNode target, String field, int value) {
    target.put(field, Integer.toUnsignedLong(value));
  }
}
