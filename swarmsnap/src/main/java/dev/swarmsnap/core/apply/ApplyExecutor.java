package dev.swarmsnap.core.apply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Carries out an approved {@link ApplyPlan} through the Engine API, in plan order (networks,
 * secrets, configs, services), so an object exists before a service refers to it. References go to
 * the engine as the target's IDs, including those of objects created a moment before. A rotated
 * secret or config ({@link ApplyAction#ROTATE}) is created under its new name, the target's services
 * that use it and that the plan does not update anyway are pointed at it, and once every step is
 * done the old one is removed if no service on the engine still uses it. Stops at the first failure
 * and reports what was and was not applied.
 */
public final class ApplyExecutor {
  private final SwarmObjects engine;
  private final ServiceReferences references = new ServiceReferences();
  private final RotatedNames rotatedNames = new RotatedNames();
  private final ObjectMapper mapper = new ObjectMapper();

  public ApplyExecutor(SwarmObjects engine) {
    this.engine = engine;
  }

  /** A rotated object's old self on the target, removed at the end when unused. */
  private record Old(ObjectKind kind, String id) {}

  /**
   * @param wanted the selected document the plan was made from
   * @param liveTarget the target as read for the plan ({@link LiveSource}): its IDs and versions
   * @throws IllegalArgumentException for a refused plan (the caller checks first)
   */
  public ApplyReport execute(ApplyPlan plan, ExportDocument wanted, ExportDocument liveTarget) {
    if (plan.refused()) {
      throw new IllegalArgumentException("a refused plan cannot be carried out");
    }
    RotatedNames.View view = rotatedNames.view(wanted, liveTarget);
    ExportDocument target = view.target();
    Map<ObjectKind, Map<String, String>> actual = new EnumMap<>(ObjectKind.class);
    view.actual().forEach((kind, names) -> actual.put(kind, new HashMap<>(names)));
    Map<ObjectKind, Map<String, String>> ids = new EnumMap<>(ObjectKind.class);
    for (LogicalObject existing : target.objects()) {
      existing.sourceId().ifPresent(id -> ids.computeIfAbsent(existing.kind(), k -> new HashMap<>()).put(existing.name(), id));
    }
    Set<String> updatedServices = plan.changes().stream().filter(s -> s.kind() == ObjectKind.SERVICE)
        .map(PlannedStep::name).collect(Collectors.toSet());
    List<Old> rotatedAway = new ArrayList<>();
    List<AppliedStep> applied = new ArrayList<>();
    List<PlannedStep> changes = plan.changes();
    for (int i = 0; i < changes.size(); i++) {
      PlannedStep step = changes.get(i);
      LogicalObject object = wanted.find(step.kind(), step.name()).orElseThrow();
      try {
        String id = switch (step.action()) {
          case CREATE -> create(object, object.name(), ids, actual);
          case ROTATE -> {
            LogicalObject old = target.find(step.kind(), step.name()).orElseThrow();
            String newName = rotatedNames.rotated(object).orElseThrow();
            String newId = create(object, newName, ids, actual);
            ids.get(step.kind()).put(step.name(), newId);
            actual.computeIfAbsent(step.kind(), k -> new HashMap<>()).put(step.name(), newName);
            repointServices(object, target, updatedServices, ids, actual);
            rotatedAway.add(new Old(step.kind(), old.sourceId().orElseThrow()));
            yield newId;
          }
          default -> update(object, target.find(step.kind(), step.name()).orElseThrow(), ids, actual);
        };
        ids.computeIfAbsent(step.kind(), k -> new HashMap<>()).put(step.name(), id);
        applied.add(new AppliedStep(step.action(), step.kind(), step.name(), id));
      } catch (SwarmsnapException e) {
        List<String> rest = changes.subList(i + 1, changes.size()).stream().map(PlannedStep::key).toList();
        return new ApplyReport(applied, Optional.of(new ApplyReport.Failure(step.key(), e.getMessage())), rest);
      }
    }
    rotatedAway.forEach(this::removeIfUnused);
    return new ApplyReport(applied, Optional.empty(), List.of());
  }

  private String create(LogicalObject object, String name, Map<ObjectKind, Map<String, String>> ids,
      Map<ObjectKind, Map<String, String>> actual) {
    ObjectNode body = object.kind() == ObjectKind.SERVICE ? references.toIds(object.spec(), ids, actual) : object.spec();
    body.put("Name", name);
    if (object.kind() == ObjectKind.SECRET) {
      // The planner refused a secret to create without its value.
      byte[] value = object.value().orElseThrow().reveal();
      body.put("Data", Base64.getEncoder().encodeToString(value));
      Arrays.fill(value, (byte) 0);
    }
    return engine.create(kindOf(object), body.toString());
  }

  private String update(LogicalObject object, LogicalObject current, Map<ObjectKind, Map<String, String>> ids,
      Map<ObjectKind, Map<String, String>> actual) {
    ObjectNode body;
    if (object.kind() == ObjectKind.SERVICE) {
      body = references.toIds(object.spec(), ids, actual);
      body.put("Name", object.name());
    } else {
      // Secrets and configs: the engine takes a change of labels only, and refuses any Data in the request.
      body = current.spec();
      body.remove("Data");
      body.put("Name", actual.getOrDefault(object.kind(), Map.of()).getOrDefault(object.name(), object.name()));
      body.set("Labels", object.spec().path("Labels").isObject() ? object.spec().get("Labels") : body.objectNode());
    }
    String id = current.sourceId().orElseThrow();
    engine.update(new SwarmObject(kindOf(object), id, current.name(), current.sourceVersion().orElse(0L), "{}"),
        body.toString());
    return id;
  }

  /** Points the target's services that use {@code rotated} at its new ID, unless the plan updates them anyway. */
  private void repointServices(LogicalObject rotated, ExportDocument target, Set<String> updatedServices,
      Map<ObjectKind, Map<String, String>> ids, Map<ObjectKind, Map<String, String>> actual) {
    for (LogicalObject service : target.ofKind(ObjectKind.SERVICE)) {
      if (updatedServices.contains(service.name()) || !references.uses(service.spec(), rotated.kind(), rotated.name())) {
        continue;
      }
      ObjectNode body = references.toIds(service.spec(), ids, actual);
      body.put("Name", service.name());
      engine.update(new SwarmObject(SwarmObjectKind.SERVICE, service.sourceId().orElseThrow(), service.name(),
          service.sourceVersion().orElse(0L), "{}"), body.toString());
    }
  }

  /**
   * Removes the old object when no service on the engine refers to it any more (one outside the
   * document may); left in place otherwise, or when the engine refuses, and a rerun still plans
   * nothing, since the new name stands for the document's object.
   */
  private void removeIfUnused(Old old) {
    try {
      boolean used = engine.list(SwarmObjectKind.SERVICE).stream().anyMatch(s -> usesId(s, old));
      if (!used) {
        engine.remove(SwarmObjectKind.valueOf(old.kind().name()), old.id());
      }
    } catch (SwarmsnapException e) {
      // Everything the plan asked for is done; an old object left behind harms nothing.
    }
  }

  private boolean usesId(SwarmObject service, Old old) {
    try {
      String field = old.kind() == ObjectKind.SECRET ? "SecretID" : "ConfigID";
      String list = old.kind() == ObjectKind.SECRET ? "Secrets" : "Configs";
      for (var ref : mapper.readTree(service.specJson()).path("TaskTemplate").path("ContainerSpec").path(list)) {
        if (old.id().equals(ref.path(field).asText())) {
          return true;
        }
      }
      return false;
    } catch (JsonProcessingException e) {
      // A service we cannot read might use it: keep the old object.
      return true;
    }
  }

  private static SwarmObjectKind kindOf(LogicalObject object) {
    return SwarmObjectKind.valueOf(object.kind().name());
  }
}
