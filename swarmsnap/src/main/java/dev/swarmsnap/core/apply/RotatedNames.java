package dev.swarmsnap.core.apply;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarmsnap.logical.ExportDocument;
import dev.swarmsnap.logical.LogicalObject;
import dev.swarmsnap.logical.ObjectKind;
import dev.swarmsnap.logical.SecretDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The names {@code apply --rotate-in-use} gives a secret or config it cannot change in place:
 * {@code NAME-<digest8>}, the first 8 hex digits of the SHA-256 of the document's data (a config's
 * {@code Data}, a secret's value). A target object of that name is the document's object under
 * another name, so the plan compares against it ({@link #view}) and a rerun plans nothing. Pure.
 */
final class RotatedNames {
  private static final int DIGEST_CHARS = 8;

  private final ServiceReferences references = new ServiceReferences();

  /**
   * The target as the planner and executor see it.
   *
   * @param target the target with each rotated {@code NAME-<digest8>} renamed {@code NAME} (it
   *     replaces an old {@code NAME} still there) and service references renamed alike
   * @param actual kind → document name → the name on the target, for the rotated ones
   */
  record View(ExportDocument target, Map<ObjectKind, Map<String, String>> actual) {}

  /** {@code NAME-<digest8>}, or empty when the document does not know the data (a secret without value). */
  Optional<String> rotated(LogicalObject object) {
    return digest(object).map(d -> object.name() + "-" + d.substring(SecretDigest.PREFIX.length(),
        SecretDigest.PREFIX.length() + DIGEST_CHARS));
  }

  View view(ExportDocument wanted, ExportDocument target) {
    Map<ObjectKind, Map<String, String>> actual = new EnumMap<>(ObjectKind.class);
    Map<ObjectKind, Map<String, String>> back = new EnumMap<>(ObjectKind.class);
    List<LogicalObject> objects = new ArrayList<>(target.objects());
    for (ObjectKind kind : List.of(ObjectKind.SECRET, ObjectKind.CONFIG)) {
      for (LogicalObject object : wanted.ofKind(kind)) {
        Optional<LogicalObject> rotated = rotated(object).flatMap(name -> target.find(kind, name));
        if (rotated.isEmpty()) {
          continue;
        }
        LogicalObject found = rotated.get();
        objects.removeIf(o -> o.kind() == kind && (o.name().equals(object.name()) || o.name().equals(found.name())));
        ObjectNode spec = found.spec();
        spec.put("Name", object.name());
        objects.add(LogicalObject.of(kind, object.name(), spec)
            .withSource(found.sourceId().orElseThrow(), found.sourceVersion().orElse(0L)));
        actual.computeIfAbsent(kind, k -> new HashMap<>()).put(object.name(), found.name());
        back.computeIfAbsent(kind, k -> new HashMap<>()).put(found.name(), object.name());
      }
    }
    if (!back.isEmpty()) {
      objects.replaceAll(o -> o.kind() != ObjectKind.SERVICE ? o
          : LogicalObject.of(o.kind(), o.name(), references.renamed(o.spec(), back))
              .withSource(o.sourceId().orElseThrow(), o.sourceVersion().orElse(0L)));
    }
    return new View(new ExportDocument(target.formatVersion(), target.source(), target.cluster(), objects), actual);
  }

  private static Optional<String> digest(LogicalObject object) {
    if (object.kind() == ObjectKind.CONFIG) {
      try {
        return Optional.of(SecretDigest.of(Base64.getDecoder().decode(object.spec().path("Data").asText(""))));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    if (object.kind() == ObjectKind.SECRET) {
      return object.valueDigest().or(() -> object.value().map(v -> {
        byte[] plain = v.reveal();
        String d = SecretDigest.of(plain);
        Arrays.fill(plain, (byte) 0);
        return d;
      }));
    }
    return Optional.empty();
  }
}
