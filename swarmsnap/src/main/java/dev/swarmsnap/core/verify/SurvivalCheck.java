package dev.swarmsnap.core.verify;

import dev.swarmsnap.swarmstate.Finding;
import dev.swarmsnap.swarmstate.Finding.Level;
import dev.swarmsnap.swarmstate.model.SwarmState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Did every object survive a new cluster made from a state (recover's forced init, a restore
 * drill)? The state read before against what the engine lists right after, for services,
 * networks, configs and secrets. Pure.
 *
 * <p>The direction differs from verify's {@code ApiComparison} (a backup's API view taken before
 * its store): here the live view comes after, and a new leader's allocator and orchestrator may
 * update objects at once, so a version that grew is normal. A missing object, another name under
 * the same ID, or a version that went back is a FAIL; an object that is new is a WARN.
 */
public final class SurvivalCheck {
  private static final int SHOWN = 5;

  private final String checkPrefix;

  /** Checks named {@code recovered <kind>}. */
  public SurvivalCheck() {
    this("recovered");
  }

  /** @param checkPrefix the first word of each check's name, e.g. {@code restored} */
  public SurvivalCheck(String checkPrefix) {
    this.checkPrefix = checkPrefix;
  }

  public List<Finding> compare(SwarmState before, ApiView live) {
    return List.of(
        kind("services", live, toMap(before.services().stream()
            .map(s -> new ApiObject(s.id(), s.name(), OptionalLong.of(s.version()))).toList())),
        kind("networks", live, toMap(before.networks().stream()
            .map(n -> new ApiObject(n.id(), n.name(), OptionalLong.of(n.version()))).toList())),
        kind("configs", live, toMap(before.configs().stream()
            .map(c -> new ApiObject(c.id(), c.name(), OptionalLong.of(c.version()))).toList())),
        kind("secrets", live, toMap(before.secrets().stream()
            .map(s -> new ApiObject(s.id(), s.name(), OptionalLong.of(s.version()))).toList())));
  }

  private Finding kind(String kind, ApiView live, Map<String, ApiObject> before) {
    String check = checkPrefix + " " + kind;
    Optional<List<ApiObject>> listed = live.list(kind);
    if (listed.isEmpty()) {
      return new Finding(check, Level.FAIL, "the engine did not list " + kind);
    }
    Map<String, ApiObject> now = toMap(listed.get());
    List<String> lost = new ArrayList<>();
    List<String> added = new ArrayList<>();
    int grew = 0;
    for (ApiObject b : before.values()) {
      ApiObject n = now.get(b.id());
      if (n == null) {
        lost.add(b.id() + " (" + b.name() + ") is gone");
      } else if (!n.name().isEmpty() && !n.name().equals(b.name())) {
        lost.add(b.id() + " was " + b.name() + ", is now " + n.name());
      } else if (n.version().isPresent() && b.version().isPresent()) {
        long was = b.version().getAsLong();
        long is = n.version().getAsLong();
        if (is < was) {
          lost.add(b.id() + " (" + b.name() + ") went back from version " + was + " to " + is);
        } else if (is > was) {
          grew++;
        }
      }
    }
    for (ApiObject n : now.values()) {
      if (!before.containsKey(n.id())) {
        added.add(n.id() + " (" + n.name() + ")");
      }
    }
    String count = before.size() + " before, " + now.size() + " now";
    if (!lost.isEmpty()) {
      return new Finding(check, Level.FAIL, count + ": " + shown(lost));
    }
    if (!added.isEmpty()) {
      return new Finding(check, Level.WARN, count + "; new since: " + shown(added));
    }
    return new Finding(check, Level.OK, count + ", same IDs and names"
        + (grew == 0 ? " and versions" : "; " + grew + " updated by the new leader"));
  }

  private static Map<String, ApiObject> toMap(List<ApiObject> objects) {
    Map<String, ApiObject> map = new TreeMap<>();
    objects.forEach(o -> map.put(o.id(), o));
    return map;
  }

  private static String shown(List<String> items) {
    return String.join("; ", items.subList(0, Math.min(SHOWN, items.size())))
        + (items.size() > SHOWN ? "; and " + (items.size() - SHOWN) + " more" : "");
  }
}
