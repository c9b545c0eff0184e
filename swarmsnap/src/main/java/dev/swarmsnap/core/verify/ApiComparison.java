package dev.swarmsnap.core.verify;

import dev.swarmsnap.swarmstate.Finding;
import dev.swarmsnap.swarmstate.Finding.Level;
import dev.swarmsnap.swarmstate.model.SwarmState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The decoded store against the API snapshot an archive holds: the same object IDs, names and
 * versions, kind by kind. Pure and stateless.
 *
 * <p>Tolerances, and why: the API view is taken just before the engine stops, and the cluster
 * keeps working meanwhile (other managers accept writes). Object versions are the leader's commit
 * index when a change is proposed, which only grows (docs/engine-behaviour.md §4.6), so an object
 * newer in the store than in the API, or one in the store only whose version is above every version
 * the API view holds, was written after the API snapshot: a WARN. Tasks churn
 * constantly (a failing image reschedules every few seconds, docs/swarm-state-format.md §4.8), so any task
 * difference is a WARN. An object older in the store than in the API, or missing from the store, is
 * a FAIL.
 *
 * <p>{@link #compareAtLeast} is the hot backup's check (docs/engine-behaviour.md §4.6): the API view
 * is taken before the copy of a running engine, so every object of the view must be in the copy at
 * its version or a newer one; objects only in the copy came later and are fine.
 */
public final class ApiComparison {
  private static final int SHOWN = 5;

  /** How strictly the store must match the view. */
  private enum Mode {
    /** The view was taken just before the engine stopped: the same objects, newer ones warned. */
    AT_STOP,
    /** The view was taken before a hot copy: the copy holds each object at that version or newer. */
    AT_LEAST
  }

  /** One finding per object kind the archive has a document for, check name {@code api <kind>}. */
  public List<Finding> compare(SwarmState state, ApiView api) {
    return compare(state, api, Mode.AT_STOP);
  }

  /**
   * As {@link #compare}, for a copy taken after {@code api} while the engine ran: FAIL only for an
   * object of the view that is missing from the copy or older in it.
   */
  public List<Finding> compareAtLeast(SwarmState state, ApiView api) {
    return compare(state, api, Mode.AT_LEAST);
  }

  private List<Finding> compare(SwarmState state, ApiView api, Mode mode) {
    List<Finding> out = new ArrayList<>();
    Optional<ApiObject> swarm = api.swarm();
    if (swarm.isEmpty()) {
      out.add(new Finding("api cluster", Level.WARN, "the archive holds no readable api/swarm.json"));
    } else {
      ApiObject c = swarm.get();
      boolean same = c.id().equals(state.cluster().id())
          && (c.version().isEmpty() || c.version().getAsLong() == state.cluster().version()
              || (mode == Mode.AT_LEAST && c.version().getAsLong() < state.cluster().version()));
      out.add(new Finding("api cluster", same ? Level.OK : Level.FAIL, same
          ? "cluster " + c.id() + " version " + state.cluster().version()
          : "store has cluster " + state.cluster().id() + " version " + state.cluster().version()
              + ", API had " + c.id() + " version " + c.version()));
    }
    long highWater = api.highestVersion();
    out.add(kind(api, mode, "nodes", highWater, toMap(state.nodes(), n -> new ApiObject(n.id(), n.name(), version(n.version())))));
    out.add(kind(api, mode, "services", highWater, toMap(state.services(), s -> new ApiObject(s.id(), s.name(), version(s.version())))));
    out.add(kind(api, mode, "networks", highWater, toMap(state.networks(), n -> new ApiObject(n.id(), n.name(), version(n.version())))));
    out.add(kind(api, mode, "configs", highWater, toMap(state.configs(), c -> new ApiObject(c.id(), c.name(), version(c.version())))));
    out.add(kind(api, mode, "secrets", highWater, toMap(state.secrets(), s -> new ApiObject(s.id(), s.name(), version(s.version())))));
    out.add(kind(api, mode, "tasks", highWater, toMap(state.tasks(), t -> new ApiObject(t.id(), "", version(t.version())))));
    return out;
  }

  private static Finding kind(ApiView api, Mode mode, String kind, long highWater, Map<String, ApiObject> store) {
    String check = "api " + kind;
    Optional<List<ApiObject>> listed = api.list(kind);
    if (listed.isEmpty()) {
      return new Finding(check, Level.WARN, "the archive holds no readable api/" + kind + ".json");
    }
    Map<String, ApiObject> seen = toMap(listed.get(), o -> o);
    List<String> hard = new ArrayList<>();
    List<String> soft = new ArrayList<>();
    boolean tolerant = kind.equals("tasks");
    for (ApiObject a : seen.values()) {
      ApiObject s = store.get(a.id());
      if (s == null) {
        (tolerant ? soft : hard).add(a.id() + " (" + a.name() + ") is in the API, not in the store");
      } else if (!kind.equals("tasks") && !a.name().isEmpty() && !a.name().equals(s.name())) {
        hard.add(a.id() + " is named " + s.name() + " in the store, " + a.name() + " in the API");
      } else if (a.version().isPresent() && a.version().getAsLong() != s.version().getAsLong()) {
        long sv = s.version().getAsLong();
        long av = a.version().getAsLong();
        String d = a.id() + " (" + s.name() + ") version " + sv + " in the store, " + av + " in the API";
        if (mode == Mode.AT_STOP || sv < av) {
          (tolerant || sv > av ? soft : hard).add(d);
        }
      }
    }
    for (ApiObject s : store.values()) {
      if (!seen.containsKey(s.id()) && mode == Mode.AT_STOP) {
        boolean later = s.version().isPresent() && s.version().getAsLong() > highWater;
        (tolerant || later ? soft : hard).add(s.id() + " (" + s.name() + ") is in the store, not in the API"
            + (later ? " (created after the API snapshot)" : ""));
      }
    }
    String count = store.size() + " in the store, " + seen.size() + " in the API";
    if (!hard.isEmpty()) {
      return new Finding(check, Level.FAIL, count + ": " + shown(hard));
    }
    if (!soft.isEmpty()) {
      return new Finding(check, Level.WARN, count + "; changed between the API snapshot and the copy: "
          + shown(soft));
    }
    if (mode == Mode.AT_LEAST) {
      return new Finding(check, Level.OK, count + ", every API object at its version or newer");
    }
    return new Finding(check, Level.OK, count + ", same IDs" + (kind.equals("networks") ? " and names" : ", names and versions"));
  }

  private static java.util.OptionalLong version(long v) {
    return java.util.OptionalLong.of(v);
  }

  private static <T> Map<String, ApiObject> toMap(List<T> items, Function<T, ApiObject> f) {
    Map<String, ApiObject> m = new TreeMap<>();
    items.forEach(i -> {
      ApiObject o = f.apply(i);
      m.put(o.id(), o);
    });
    return m;
  }

  private static String shown(List<String> items) {
    return String.join("; ", items.subList(0, Math.min(SHOWN, items.size())))
        + (items.size() > SHOWN ? "; and " + (items.size() - SHOWN) + " more" : "");
  }
}
