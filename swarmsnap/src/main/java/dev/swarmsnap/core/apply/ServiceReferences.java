package dev.swarmsnap.core.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarmsnap.logical.ObjectKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The places where a {@code ServiceSpec} names another object: {@code
 * TaskTemplate.ContainerSpec.Secrets[].SecretName}/{@code SecretID}, {@code ...Configs[].ConfigName}/
 * {@code ConfigID}, and {@code Target} of {@code TaskTemplate.Networks[]} and of the deprecated
 * top-level {@code Networks[]}. A document names them (docs/export-format.md); the engine wants IDs,
 * and shows IDs for networks. Pure; every method works on a copy.
 */
final class ServiceReferences {

  /** One object a service needs. */
  record Reference(ObjectKind kind, String name) {
    String key() {
      return kind.label() + "/" + name;
    }
  }

  /** What a spec in document form (by name) refers to, in spec order. */
  List<Reference> of(ObjectNode spec) {
    List<Reference> refs = new ArrayList<>();
    JsonNode container = spec.path("TaskTemplate").path("ContainerSpec");
    container.path("Secrets").forEach(s -> refs.add(new Reference(ObjectKind.SECRET, s.path("SecretName").asText())));
    container.path("Configs").forEach(c -> refs.add(new Reference(ObjectKind.CONFIG, c.path("ConfigName").asText())));
    forEachNetwork(spec, n -> refs.add(new Reference(ObjectKind.NETWORK, n.path("Target").asText())));
    return refs;
  }

  /**
   * A target's spec in document form: the secret and config IDs dropped (their names are beside
   * them), network IDs replaced by names ({@code networkNames}: ID → name; an ID it lacks stays).
   */
  ObjectNode toNames(ObjectNode engineSpec, Map<String, String> networkNames) {
    ObjectNode spec = engineSpec.deepCopy();
    JsonNode container = spec.path("TaskTemplate").path("ContainerSpec");
    container.path("Secrets").forEach(s -> ((ObjectNode) s).remove("SecretID"));
    container.path("Configs").forEach(c -> ((ObjectNode) c).remove("ConfigID"));
    forEachNetwork(spec, n -> {
      String target = n.path("Target").asText();
      n.put("Target", networkNames.getOrDefault(target, target));
    });
    return spec;
  }

  /**
   * A document's spec as the engine takes it: {@code SecretID}, {@code ConfigID} and network
   * {@code Target} set from {@code ids} (kind → name → ID on the target).
   *
   * @throws IllegalStateException if a name has no ID (the planner refuses such a plan first)
   */
  ObjectNode toIds(ObjectNode documentSpec, Map<ObjectKind, Map<String, String>> ids) {
    return toIds(documentSpec, ids, Map.of());
  }

  /**
   * As {@link #toIds(ObjectNode, Map)}, and a secret or config the target holds under another name
   * ({@code actual}: kind → document name → target name, see {@link RotatedNames}) is named so. File,
   * Target, UID, GID and Mode stay as they are.
   */
  ObjectNode toIds(ObjectNode documentSpec, Map<ObjectKind, Map<String, String>> ids,
      Map<ObjectKind, Map<String, String>> actual) {
    ObjectNode spec = documentSpec.deepCopy();
    JsonNode container = spec.path("TaskTemplate").path("ContainerSpec");
    container.path("Secrets").forEach(s -> {
      String name = s.path("SecretName").asText();
      ((ObjectNode) s).put("SecretID", id(ids, ObjectKind.SECRET, name));
      ((ObjectNode) s).put("SecretName", actual.getOrDefault(ObjectKind.SECRET, Map.of()).getOrDefault(name, name));
    });
    container.path("Configs").forEach(c -> {
      String name = c.path("ConfigName").asText();
      ((ObjectNode) c).put("ConfigID", id(ids, ObjectKind.CONFIG, name));
      ((ObjectNode) c).put("ConfigName", actual.getOrDefault(ObjectKind.CONFIG, Map.of()).getOrDefault(name, name));
    });
    forEachNetwork(spec, n -> n.put("Target", id(ids, ObjectKind.NETWORK, n.path("Target").asText())));
    return spec;
  }

  /** A spec in document form with secret and config names renamed ({@code names}: kind → from → to). */
  ObjectNode renamed(ObjectNode documentSpec, Map<ObjectKind, Map<String, String>> names) {
    ObjectNode spec = documentSpec.deepCopy();
    JsonNode container = spec.path("TaskTemplate").path("ContainerSpec");
    Map<String, String> secrets = names.getOrDefault(ObjectKind.SECRET, Map.of());
    Map<String, String> configs = names.getOrDefault(ObjectKind.CONFIG, Map.of());
    container.path("Secrets").forEach(s -> ((ObjectNode) s).put("SecretName",
        secrets.getOrDefault(s.path("SecretName").asText(), s.path("SecretName").asText())));
    container.path("Configs").forEach(c -> ((ObjectNode) c).put("ConfigName",
        configs.getOrDefault(c.path("ConfigName").asText(), c.path("ConfigName").asText())));
    return spec;
  }

  /** Whether a spec in document form refers to {@code kind/name}. */
  boolean uses(ObjectNode spec, ObjectKind kind, String name) {
    return of(spec).contains(new Reference(kind, name));
  }

  private static String id(Map<ObjectKind, Map<String, String>> ids, ObjectKind kind, String name) {
    String id = ids.getOrDefault(kind, Map.of()).get(name);
    if (id == null) {
      throw new IllegalStateException("no ID for " + kind.label() + "/" + name);
    }
    return id;
  }

  private static void forEachNetwork(ObjectNode spec, Consumer<ObjectNode> action) {
    for (JsonNode list : List.of(spec.path("TaskTemplate").path("Networks"), spec.path("Networks"))) {
      list.forEach(n -> {
        if (n instanceof ObjectNode attachment) {
          action.accept(attachment);
        }
      });
    }
  }
}
