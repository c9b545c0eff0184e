package dev.swarmsnap.core.apply;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether a target's spec already is what a document asks for. The rule is "document ⊆ target":
 * every field the document sets must have the same value on the target, while fields only the
 * target has are ignored, because the engine fills in defaults of its own ({@code Isolation:
 * default}, {@code Resources: {}}, {@code ForceUpdate: 0}, ...) and a newer engine more of them. A
 * document field that is empty (an empty object or array, {@code false}, {@code 0}, an empty text)
 * or one of the engine's known default values matches a target that leaves it out; an empty object
 * or array matches whatever the target has there (the engine fills in allocations such as a
 * network's subnet). Arrays match
 * element by element, in order, since the engine keeps the order it was given. Pure.
 */
final class SpecComparison {
  /**
   * Values the engine treats as "not set" (docs/architecture.md, apply): a document that states them
   * explicitly matches a target that omits them.
   */
  private static final Map<String, String> ENGINE_DEFAULTS = Map.of(
      "Isolation", "default",
      "Protocol", "tcp",
      "PublishMode", "ingress",
      "Mode", "vip",
      "Order", "stop-first",
      "FailureAction", "pause",
      "Condition", "any");

  /** The dotted paths ({@code TaskTemplate.ContainerSpec.Image}) where the target differs; empty when it matches. */
  List<String> differences(JsonNode wanted, JsonNode actual) {
    List<String> paths = new ArrayList<>();
    compare("", wanted, actual, paths);
    return List.copyOf(paths);
  }

  private void compare(String path, JsonNode wanted, JsonNode actual, List<String> paths) {
    if (wanted.isContainerNode() && isUnset("", wanted)) {
      // An empty list or object says nothing the document asks for: IPAM.Config [] of a network whose
      // subnet the swarm allocates, Resources {} of a service without limits.
      return;
    }
    if (actual == null || actual.isMissingNode() || actual.isNull()) {
      if (!isUnset(lastSegment(path), wanted)) {
        paths.add(display(path));
      }
      return;
    }
    if (wanted.isObject() && actual.isObject()) {
      wanted.fields().forEachRemaining(field ->
          compare(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(),
              actual.get(field.getKey()), paths));
      return;
    }
    if (wanted.isArray() && actual.isArray()) {
      if (wanted.size() != actual.size()) {
        paths.add(display(path));
        return;
      }
      for (int i = 0; i < wanted.size(); i++) {
        compare(path + "[" + i + "]", wanted.get(i), actual.get(i), paths);
      }
      return;
    }
    if (!sameValue(wanted, actual)) {
      paths.add(display(path));
    }
  }

  private static boolean sameValue(JsonNode wanted, JsonNode actual) {
    if (wanted.isNumber() && actual.isNumber()) {
      return wanted.decimalValue().compareTo(actual.decimalValue()) == 0;
    }
    return wanted.equals(actual);
  }

  private static boolean isUnset(String field, JsonNode wanted) {
    if (wanted == null || wanted.isNull() || wanted.isMissingNode()) {
      return true;
    }
    if (wanted.isContainerNode()) {
      // An object whose every field is unset, e.g. {"Limits": {}}, is as good as absent.
      if (wanted.isObject()) {
        boolean[] allUnset = {true};
        wanted.fields().forEachRemaining(f -> allUnset[0] &= isUnset(f.getKey(), f.getValue()));
        return allUnset[0];
      }
      return wanted.isEmpty();
    }
    if (wanted.isBoolean()) {
      return !wanted.booleanValue();
    }
    if (wanted.isNumber()) {
      return wanted.decimalValue().signum() == 0;
    }
    String text = wanted.asText();
    return text.isEmpty() || text.equals(ENGINE_DEFAULTS.get(field));
  }

  private static String lastSegment(String path) {
    String withoutIndex = path.replaceAll("\\[\\d+]$", "");
    int dot = withoutIndex.lastIndexOf('.');
    return dot < 0 ? withoutIndex : withoutIndex.substring(dot + 1);
  }

  private static String display(String path) {
    return path.isEmpty() ? "(whole spec)" : path;
  }
}
