package dev.swarmsnap.core.backup;

import dev.swarmsnap.core.verify.ApiView;
import dev.swarmsnap.engine.EngineClient;
import dev.swarmsnap.swarmstate.model.SwarmState;
import java.util.HashSet;
import java.util.Set;

/**
 * The one rule, cold and hot, for objects removed while a backup copies: the API view taken before
 * the copy, less every object that the API, asked again once the copy is done, no longer lists and
 * the copy does not hold. swarmkit never reuses an ID, so such an object was removed in between and
 * the copy need not hold it. The archive keeps the reduced view as {@code api/}, so that verify of
 * the archive holds too (docs/engine-behaviour.md §4.6).
 */
final class ApiRecheck {

  /**
   * @param before the view taken before the copy
   * @param engine asked again now; it must answer (after a cold copy: once the node is ready)
   * @param copy the verified state of the copy
   */
  ApiView afterCopy(ApiView before, EngineClient engine, SwarmState copy) {
    return before.withoutObjectsRemovedBy(new ApiView(engine.apiSnapshot()), ids(copy));
  }

  private static Set<String> ids(SwarmState state) {
    Set<String> ids = new HashSet<>();
    state.nodes().forEach(o -> ids.add(o.id()));
    state.services().forEach(o -> ids.add(o.id()));
    state.networks().forEach(o -> ids.add(o.id()));
    state.configs().forEach(o -> ids.add(o.id()));
    state.secrets().forEach(o -> ids.add(o.id()));
    state.tasks().forEach(o -> ids.add(o.id()));
    ids.add(state.cluster().id());
    return ids;
  }
}
