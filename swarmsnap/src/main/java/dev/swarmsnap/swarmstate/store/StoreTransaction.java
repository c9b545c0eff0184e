package dev.swarmsnap.swarmstate.store;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One raft entry's store actions, applied all or nothing as swarmkit applies them
 * (docs/swarm-state-format.md §4.7): a create of an existing ID, or an update or remove of a
 * missing one, aborts the whole entry. Shared by {@link StoreReplayer} (parsed objects, to show)
 * and {@link RawStore} (exact bytes, to write a new snapshot).
 *
 * @param <K> the object kind
 * @param <V> how an object is held
 */
final class StoreTransaction<K extends Enum<K>, V> {
  /** swarmkit's {@code StoreActionKind} numbers. */
  static final int CREATE = 1;
  static final int UPDATE = 2;
  static final int REMOVE = 3;

  private final Map<K, Map<String, V>> objects;
  private final long index;
  private final Map<K, Map<String, Optional<V>>> staged = new HashMap<>();

  /** @param objects the store, changed only by {@link #commit()} */
  StoreTransaction(Map<K, Map<String, V>> objects, long index) {
    this.objects = objects;
    this.index = index;
  }

  /**
   * Stages one action.
   *
   * @return why the entry must be skipped, if it must
   */
  Optional<String> stage(int action, K kind, String id, V value) {
    Map<String, Optional<V>> stage = staged.computeIfAbsent(kind, k -> new HashMap<>());
    boolean exists = stage.containsKey(id)
        ? stage.get(id).isPresent()
        : objects.getOrDefault(kind, Map.of()).containsKey(id);
    String name = kind.name().toLowerCase(Locale.ROOT);
    switch (action) {
      case CREATE -> {
        if (exists) {
          return Optional.of("entry " + index + ": create of existing " + name + " " + id);
        }
        stage.put(id, Optional.of(value));
      }
      case UPDATE -> {
        if (!exists) {
          return Optional.of("entry " + index + ": update of missing " + name + " " + id);
        }
        stage.put(id, Optional.of(value));
      }
      case REMOVE -> {
        if (!exists) {
          return Optional.of("entry " + index + ": remove of missing " + name + " " + id);
        }
        stage.put(id, Optional.empty());
      }
      default -> {
        return Optional.of("entry " + index + ": store action kind " + action);
      }
    }
    return Optional.empty();
  }

  /** Applies every staged action to the store. */
  void commit() {
    staged.forEach((kind, changes) -> {
      Map<String, V> map = objects.computeIfAbsent(kind, k -> new LinkedHashMap<>());
      changes.forEach((id, value) -> value.ifPresentOrElse(v -> map.put(id, v), () -> map.remove(id)));
    });
  }
}
