package dev.swarmsnap.core.drill;

import dev.swarmsnap.core.verify.ApiObject;
import dev.swarmsnap.core.verify.ApiView;
import dev.swarmsnap.core.verify.SurvivalCheck;
import dev.swarmsnap.swarmstate.Finding;
import dev.swarmsnap.swarmstate.Finding.Level;
import dev.swarmsnap.swarmstate.model.NodeInfo;
import dev.swarmsnap.swarmstate.model.SwarmState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The archive's state against what the sandbox engine lists after the restore. Pure.
 *
 * <p>Services, networks, configs and secrets as recover checks its new cluster ({@link
 * SurvivalCheck}): same IDs and names, versions never back (a new leader's allocator may update
 * objects at once). Nodes by ID: the restore makes the backed-up node the one manager and removes
 * the other managers, so those are expected gone; the restored node takes the sandbox's hostname,
 * so only the other nodes' names are compared.
 */
public final class DrillComparison {
  private static final int SHOWN = 5;

  /**
   * @param restoredNodeId the node the backup was taken on, which the sandbox engine now is
   */
  public List<Finding> compare(SwarmState archived, String restoredNodeId, ApiView live) {
    List<Finding> findings = new ArrayList<>(new SurvivalCheck("restored").compare(archived, live));
    findings.add(0, nodes(archived, restoredNodeId, live));
    return findings;
  }

  private static Finding nodes(SwarmState archived, String restoredNodeId, ApiView live) {
    String check = "restored nodes";
    Optional<List<ApiObject>> listed = live.list("nodes");
    if (listed.isEmpty()) {
      return new Finding(check, Level.FAIL, "the engine did not list nodes");
    }
    Map<String, ApiObject> now = new TreeMap<>();
    listed.get().forEach(o -> now.put(o.id(), o));
    List<String> lost = new ArrayList<>();
    List<String> unexpected = new ArrayList<>();
    int expected = 0;
    for (NodeInfo node : archived.nodes()) {
      ApiObject seen = now.remove(node.id());
      boolean self = node.id().equals(restoredNodeId);
      boolean removedManager = !self && node.role().equals("manager");
      if (removedManager) {
        if (seen != null) {
          unexpected.add(node.id() + " (" + node.name() + ") is still listed; the restore removes other managers");
        }
        continue;
      }
      expected++;
      if (seen == null) {
        lost.add(node.id() + " (" + node.name() + ") is gone");
      } else if (!self && !seen.name().isEmpty() && !seen.name().equals(node.name())) {
        lost.add(node.id() + " was " + node.name() + ", is now " + seen.name());
      }
    }
    now.values().forEach(o -> unexpected.add(o.id() + " (" + o.name() + ") is new"));
    String count = expected + " expected (the restored node and the workers), " + listed.get().size() + " listed";
    if (!lost.isEmpty()) {
      return new Finding(check, Level.FAIL, count + ": " + shown(lost));
    }
    if (!unexpected.isEmpty()) {
      return new Finding(check, Level.WARN, count + "; " + shown(unexpected));
    }
    return new Finding(check, Level.OK, count + ", same IDs");
  }

  private static String shown(List<String> items) {
    return String.join("; ", items.subList(0, Math.min(SHOWN, items.size())))
        + (items.size() > SHOWN ? "; and " + (items.size() - SHOWN) + " more" : "");
  }
}
