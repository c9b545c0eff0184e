package dev.swarmsnap.logical;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A self-contained set of swarm objects and cluster settings (docs/export-format.md). Objects are
 * kept in document order: networks, secrets, configs, services, each sorted by name, so two
 * documents of the same swarm are byte-for-byte alike and a reader can create them in order.
 *
 * @param formatVersion the version of the document format, {@link #FORMAT_VERSION} when written
 * @param cluster empty when the source has no cluster object or it was left out
 * @throws IllegalArgumentException if two objects share a kind and name
 */
public record ExportDocument(int formatVersion, ExportSource source, Optional<ClusterSettings> cluster, List<LogicalObject> objects) {
  /** The version this code writes, and the newest it reads. */
  public static final int FORMAT_VERSION = 1;

  private static final Comparator<LogicalObject> ORDER =
      Comparator.comparing(LogicalObject::kind).thenComparing(LogicalObject::name);

  public ExportDocument {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(cluster, "cluster");
    objects = objects.stream().sorted(ORDER).toList();
    Set<String> seen = new HashSet<>();
    for (LogicalObject o : objects) {
      if (!seen.add(o.key())) {
        throw new IllegalArgumentException("two objects named " + o.key());
      }
    }
  }

  /** A document of the current format version. */
  public static ExportDocument of(ExportSource source, Optional<ClusterSettings> cluster, List<LogicalObject> objects) {
    return new ExportDocument(FORMAT_VERSION, source, cluster, objects);
  }

  public Optional<LogicalObject> find(ObjectKind kind, String name) {
    return objects.stream().filter(o -> o.kind() == kind && o.name().equals(name)).findFirst();
  }

  public List<LogicalObject> ofKind(ObjectKind kind) {
    return objects.stream().filter(o -> o.kind() == kind).toList();
  }

  /**
   * The objects that match any of {@code only} (all when it is empty) and none of {@code exclude}.
   * The cluster settings stay only when {@code only} is empty: a user who asks for one secret wants
   * just that secret.
   */
  public ExportDocument select(List<ObjectSelector> only, List<ObjectSelector> exclude) {
    List<LogicalObject> kept = objects.stream()
        .filter(o -> only.isEmpty() || only.stream().anyMatch(s -> s.matches(o)))
        .filter(o -> exclude.stream().noneMatch(s -> s.matches(o)))
        .toList();
    return new ExportDocument(formatVersion, source, only.isEmpty() ? cluster : Optional.empty(), kept);
  }

  /** The same document with every secret's plaintext dropped (digests stay). */
  public ExportDocument withoutSecretValues() {
    return new ExportDocument(formatVersion, source, cluster, objects.stream().map(LogicalObject::withoutValue).toList());
  }

  public boolean hasSecretValues() {
    return objects.stream().anyMatch(o -> o.value().isPresent());
  }
}
