package dev.swarmsnap.logical;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What changed from document A to document B: objects added, removed and changed (by kind and
 * name), with the JSON paths of changed spec fields, and the cluster settings. Secret values are
 * compared by digest only, and only when both sides know it (a live engine never does); a changed
 * value is reported as the path {@code value}, never shown. IDs, versions and raw specs are not
 * compared: they differ between swarms for the same object. Specs are compared in the normal form
 * of {@link ComparableSpecs}, so harmless differences of form between sources do not show. Stateless.
 */
public final class DocumentDiff {
  /** The path reported when a secret's value differs. */
  public static final String VALUE_PATH = "value";

  private final SpecDiff specs = new SpecDiff();
  private final ComparableSpecs normal = new ComparableSpecs();

  /** One object's change. */
  public enum Change { ADDED, REMOVED, CHANGED }

  /**
   * @param paths for CHANGED, the differing JSON paths inside the spec (and {@link #VALUE_PATH})
   */
  public record ObjectChange(ObjectKind kind, String name, Change change, List<String> paths) {
    public ObjectChange {
      paths = List.copyOf(paths);
    }
  }

  /**
   * @param cluster paths of changed cluster settings ({@code spec.Raft.ElectionTick}, {@code
   *     defaultAddrPool}, {@code ingress.IPAM.Config[0].Subnet}); empty when equal or when either side has none
   */
  public record Changes(List<ObjectChange> objects, List<String> cluster) {
    public Changes {
      objects = List.copyOf(objects);
      cluster = List.copyOf(cluster);
    }

    public boolean none() {
      return objects.isEmpty() && cluster.isEmpty();
    }
  }

  public Changes compare(ExportDocument a, ExportDocument b) {
    List<ObjectChange> changes = new ArrayList<>();
    for (ObjectKind kind : ObjectKind.values()) {
      for (LogicalObject old : a.ofKind(kind)) {
        Optional<LogicalObject> now = b.find(kind, old.name());
        if (now.isEmpty()) {
          changes.add(new ObjectChange(kind, old.name(), Change.REMOVED, List.of()));
          continue;
        }
        ComparableSpecs.Pair pair = normal.of(kind, old.spec(), now.get().spec());
        List<String> paths = new ArrayList<>(specs.paths(pair.a(), pair.b()));
        if (old.valueDigest().isPresent() && now.get().valueDigest().isPresent()
            && !old.valueDigest().equals(now.get().valueDigest())) {
          paths.add(VALUE_PATH);
        }
        if (!paths.isEmpty()) {
          changes.add(new ObjectChange(kind, old.name(), Change.CHANGED, paths));
        }
      }
      for (LogicalObject added : b.ofKind(kind)) {
        if (a.find(kind, added.name()).isEmpty()) {
          changes.add(new ObjectChange(kind, added.name(), Change.ADDED, List.of()));
        }
      }
    }
    changes.sort((x, y) -> x.kind() != y.kind() ? x.kind().compareTo(y.kind()) : x.name().compareTo(y.name()));
    List<String> cluster = List.of();
    if (a.cluster().isPresent() && b.cluster().isPresent()) {
      ComparableSpecs.Pair settings = normal.of(a.cluster().get(), b.cluster().get());
      cluster = specs.paths(settings.a(), settings.b());
    }
    return new Changes(changes, cluster);
  }

}
