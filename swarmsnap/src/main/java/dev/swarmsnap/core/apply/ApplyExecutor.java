package dev.swarmsnap.core.apply;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarmsnap.engine.SwarmObject;
import dev.swarmsnap.engine.SwarmObjectKind;
import dev.swarmsnap.engine.SwarmObjects;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.logical.ExportDocument;
import dev.swarmsnap.logical.LogicalObject;
import dev.swarmsnap.logical.ObjectKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Carries out an approved {@link ApplyPlan} through the Engine API, in plan order (networks,
 * secrets, configs, services), so an object exists before a service refers to it. References go to
 * the engine as the target's IDs, including those of objects created a moment before. Stops at the
 * first failure and reports what was and was not applied.
 */
public final class ApplyExecutor {
  private final SwarmObjects engine;
  private final ServiceReferences references = new ServiceReferences();

  public ApplyExecutor(SwarmObjects engine) {
    this.engine = engine;
  }

  /**
   * @param wanted the selected document the plan was made from
   * @param target the target as read for the plan ({@link LiveSource}): its IDs and versions
   * @throws IllegalArgumentException for a refused plan (the caller checks first)
   */
  public ApplyReport execute(ApplyPlan plan, ExportDocument wanted, ExportDocument target) {
    if (plan.refused()) {
      throw new IllegalArgumentException("a refused plan cannot be carried out");
    }
    Map<ObjectKind, Map<String, String>> ids = new EnumMap<>(ObjectKind.class);
    for (LogicalObject existing : target.objects()) {
      existing.sourceId().ifPresent(id -> ids.computeIfAbsent(existing.kind(), k -> new HashMap<>()).put(existing.name(), id));
    }
    List<AppliedStep> applied = new ArrayList<>();
    List<PlannedStep> changes = plan.changes();
    for (int i = 0; i < changes.size(); i++) {
      PlannedStep step = changes.get(i);
      LogicalObject object = wanted.find(step.kind(), step.name()).orElseThrow();
      try {
        String id = step.action() == ApplyAction.CREATE
            ? create(object, ids)
            : update(object, target.find(step.kind(), step.name()).orElseThrow(), ids);
        ids.computeIfAbsent(step.kind(), k -> new HashMap<>()).put(step.name(), id);
        applied.add(new AppliedStep(step.action(), step.kind(), step.name(), id));
      } catch (SwarmsnapException e) {
        List<String> rest = changes.subList(i + 1, changes.size()).stream().map(PlannedStep::key).toList();
        return new ApplyReport(applied, Optional.of(new ApplyReport.Failure(step.key(), e.getMessage())), rest);
      }
    }
    return new ApplyReport(applied, Optional.empty(), List.of());
  }

  private String create(LogicalObject object, Map<ObjectKind, Map<String, String>> ids) {
    ObjectNode body = object.kind() == ObjectKind.SERVICE ? references.toIds(object.spec(), ids) : object.spec();
    body.put("Name", object.name());
    if (object.kind() == ObjectKind.SECRET) {
      // The planner refused a secret to create without its value.
      byte[] value = object.value().orElseThrow().reveal();
      body.put("Data", Base64.getEncoder().encodeToString(value));
      Arrays.fill(value, (byte) 0);
    }
    return engine.create(kindOf(object), body.toString());
  }

  private String update(LogicalObject object, LogicalObject current, Map<ObjectKind, Map<String, String>> ids) {
    ObjectNode body;
    if (object.kind() == ObjectKind.SERVICE) {
      body = references.toIds(object.spec(), ids);
      body.put("Name", object.name());
    } else {
      // Secrets and configs: the engine takes a change of labels only, and refuses any Data in the request.
      body = current.spec();
      body.remove("Data");
      body.set("Labels", object.spec().path("Labels").isObject() ? object.spec().get("Labels") : body.objectNode());
    }
    String id = current.sourceId().orElseThrow();
    engine.update(new SwarmObject(kindOf(object), id, current.name(), current.sourceVersion().orElse(0L), "{}"),
        body.toString());
    return id;
  }

  private static SwarmObjectKind kindOf(LogicalObject object) {
    return SwarmObjectKind.valueOf(object.kind().name());
  }
}
