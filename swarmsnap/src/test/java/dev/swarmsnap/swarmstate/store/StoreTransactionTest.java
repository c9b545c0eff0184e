package dev.swarmsnap.swarmstate.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class StoreTransactionTest {
  private enum Kind { SECRET, CONFIG }

  private final Map<Kind, Map<String, String>> store = new EnumMap<>(Kind.class);

  @Test
  void actionsApplyOnlyAtCommitAndSeeEachOther() {
    StoreTransaction<Kind, String> tx = new StoreTransaction<>(store, 7);

    assertThat(tx.stage(StoreTransaction.CREATE, Kind.SECRET, "s1", "v1")).isEmpty();
    assertThat(tx.stage(StoreTransaction.UPDATE, Kind.SECRET, "s1", "v2")).isEmpty();
    assertThat(store).isEmpty();
    tx.commit();

    assertThat(store.get(Kind.SECRET)).containsExactly(Map.entry("s1", "v2"));
  }

  @Test
  void aConflictNamesTheEntryAndTheObjectAndLeavesTheStoreAsItWas() {
    store.put(Kind.CONFIG, new LinkedHashMap<>(Map.of("c1", "old")));
    StoreTransaction<Kind, String> tx = new StoreTransaction<>(store, 9);

    assertThat(tx.stage(StoreTransaction.REMOVE, Kind.CONFIG, "c1", null)).isEmpty();
    assertThat(tx.stage(StoreTransaction.UPDATE, Kind.CONFIG, "c1", "new"))
        .contains("entry 9: update of missing config c1");
    assertThat(tx.stage(StoreTransaction.CREATE, Kind.SECRET, "s", "x")).isEmpty();
    assertThat(tx.stage(StoreTransaction.REMOVE, Kind.SECRET, "nope", null))
        .contains("entry 9: remove of missing secret nope");
    assertThat(tx.stage(42, Kind.SECRET, "s", "x")).contains("entry 9: store action kind 42");

    assertThat(store).containsOnlyKeys(Kind.CONFIG);
    assertThat(store.get(Kind.CONFIG)).containsExactly(Map.entry("c1", "old"));
  }

  @Test
  void aCreateOfAnExistingObjectIsRefused() {
    store.put(Kind.SECRET, new LinkedHashMap<>(Map.of("s1", "v1")));

    assertThat(new StoreTransaction<>(store, 3).stage(StoreTransaction.CREATE, Kind.SECRET, "s1", "v2"))
        .contains("entry 3: create of existing secret s1");
  }
}
