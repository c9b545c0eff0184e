package dev.swarmsnap.core.apply;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarmsnap.logical.ClusterSettings;
import dev.swarmsnap.logical.ComparableSpecs;
import dev.swarmsnap.logical.ExportDocument;
import dev.swarmsnap.logical.LogicalObject;
import dev.swarmsnap.logical.ObjectKind;
import dev.swarmsnap.logical.SpecDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Plans an apply: compares each object of the (already selected) document with the target swarm's
 * object of the same kind and name, and decides create, update, unchanged, skip or conflict
 * ({@link ExistingPolicy}). Refuses, before anything is changed, a service that refers to an object
 * neither the document nor the target has, a secret to create without its value, and a name the
 * engine would refuse. Pure: the target comes in as a document read from it ({@link LiveSource}).
 */
public final class ApplyPlanner {
  /** Networks every engine makes for itself; a document's copy of them is never applied. */
  private static final Set<String> ENGINE_NETWORKS = Set.of("ingress", "bridge", "host", "none", "docker_gwbridge");

  /** swarmkit's rule for secret and config names. */
  private static final Pattern SECRET_OR_CONFIG_NAME = Pattern.compile("[a-zA-Z0-9]+(?:[a-zA-Z0-9-_.]*[a-zA-Z0-9])?");
  /** swarmkit's rule for service names: a DNS label that may also hold underscores. */
  private static final Pattern SERVICE_NAME = Pattern.compile("[a-zA-Z0-9](?:[-_]*[A-Za-z0-9]+)*");
  private static final Pattern NETWORK_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");

  private final SpecComparison comparison = new SpecComparison();
  private final ServiceReferences references = new ServiceReferences();
  private final RotatedNames rotatedNames = new RotatedNames();
  private final ComparableSpecs normalForm = new ComparableSpecs();
  private final SpecDiff specDiff = new SpecDiff();

  public ApplyPlan plan(ExportDocument wanted, ExportDocument target, ExistingPolicy existing) {
    return plan(wanted, target, existing, Rotation.NONE);
  }

  /**
   * @param rotation with {@link ExistingPolicy#UPDATE}, which secrets and configs are rotated
   *     ({@link ApplyAction#ROTATE}) instead of being conflicts
   */
  public ApplyPlan plan(ExportDocument wanted, ExportDocument liveTarget, ExistingPolicy existing, Rotation rotation) {
    // A rotated NAME-<digest8> on the target is the document's NAME: a rerun plans nothing.
    RotatedNames.View view = rotatedNames.view(wanted, liveTarget);
    ExportDocument target = view.target();
    List<PlannedStep> steps = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (LogicalObject object : wanted.objects()) {
      PlannedStep step = step(object, target.find(object.kind(), object.name()), existing);
      if (existing == ExistingPolicy.UPDATE && (object.kind() == ObjectKind.SECRET || object.kind() == ObjectKind.CONFIG)) {
        step = rotateIfAsked(step, object, view, rotation, problems);
      }
      steps.add(step);
      if (step.action() == ApplyAction.CREATE) {
        checkName(object).ifPresent(problems::add);
        if (object.kind() == ObjectKind.SECRET && object.value().isEmpty()) {
          problems.add("secret/" + object.name() + " is not on the target and the document holds no value for it;"
              + " export the source with secret values");
        }
      }
      if (step.action() == ApplyAction.ENGINE_OWNED && !step.changedFields().isEmpty()) {
        notes.add("network/" + object.name() + " differs on the target (" + String.join(", ", step.changedFields())
            + "); the engine owns it, so apply leaves it as it is");
      }
      if (object.kind() == ObjectKind.SERVICE && step.changes()) {
        problems.addAll(missingReferences(object, wanted, target));
      }
    }
    for (String name : rotation.secrets()) {
      if (wanted.find(ObjectKind.SECRET, name).isEmpty()) {
        problems.add("--rotate-secret " + name + " names no secret of the document (or its selection)");
      }
    }
    clusterNote(wanted, target).ifPresent(notes::add);
    ingressNote(wanted, target).ifPresent(notes::add);
    return new ApplyPlan(steps, notes, problems);
  }

  private PlannedStep step(LogicalObject object, Optional<LogicalObject> current, ExistingPolicy existing) {
    if (object.kind() == ObjectKind.NETWORK && isEngineNetwork(object)) {
      List<String> differences = current.map(c -> comparison.differences(object.spec(), c.spec())).orElse(List.of());
      return new PlannedStep(ApplyAction.ENGINE_OWNED, object.kind(), object.name(), differences, "owned by the engine");
    }
    if (current.isEmpty()) {
      return new PlannedStep(ApplyAction.CREATE, object.kind(), object.name(), List.of(), "");
    }
    List<String> differences = comparison.differences(object.spec(), current.get().spec());
    String valueNote = object.kind() == ObjectKind.SECRET ? "value not comparable through the API" : "";
    if (differences.isEmpty()) {
      return new PlannedStep(ApplyAction.UNCHANGED, object.kind(), object.name(), List.of(), valueNote);
    }
    return switch (existing) {
      case SKIP -> new PlannedStep(ApplyAction.SKIP, object.kind(), object.name(), differences, "--existing skip");
      case FAIL -> new PlannedStep(ApplyAction.CONFLICT, object.kind(), object.name(), differences,
          "exists with other values; choose --existing update or --existing skip");
      case UPDATE -> inPlace(object, differences);
    };
  }

  /** Whether the engine can make the target's object equal to the document's without replacing it. */
  private static PlannedStep inPlace(LogicalObject object, List<String> differences) {
    return switch (object.kind()) {
      case SERVICE -> new PlannedStep(ApplyAction.UPDATE, object.kind(), object.name(), differences, "");
      case NETWORK -> new PlannedStep(ApplyAction.CONFLICT, object.kind(), object.name(), differences,
          "the engine cannot change a network in place; remove it from the target (and from its services) first,"
              + " or leave it with --existing skip");
      case SECRET, CONFIG -> {
        boolean labelsOnly = differences.stream().allMatch(path -> path.equals("Labels") || path.startsWith("Labels."));
        yield labelsOnly
            ? new PlannedStep(ApplyAction.UPDATE, object.kind(), object.name(), differences, "labels only")
            : new PlannedStep(ApplyAction.CONFLICT, object.kind(), object.name(), differences,
                "the engine cannot change a " + object.kind().label() + "'s data or driver in place, only its labels;"
                    + " --rotate-in-use creates it under a new name, points its services at it and removes the old one");
      }
    };
  }

  /**
   * {@code --rotate-secret}: a named secret on the target, unless it already is the document's value
   * under its rotated name; {@code --rotate-in-use}: a secret or config that is a conflict.
   */
  private PlannedStep rotateIfAsked(PlannedStep step, LogicalObject object, RotatedNames.View view, Rotation rotation,
      List<String> problems) {
    boolean forced = object.kind() == ObjectKind.SECRET && rotation.secrets().contains(object.name())
        && view.target().find(object.kind(), object.name()).isPresent()
        && !view.actual().getOrDefault(ObjectKind.SECRET, Map.of()).containsKey(object.name());
    if (forced) {
      List<String> fields = new ArrayList<>(step.changedFields());
      fields.add("value (--rotate-secret)");
      return rotation(object, view.target(), fields, problems);
    }
    if (step.action() == ApplyAction.CONFLICT && rotation.inUse()) {
      return rotation(object, view.target(), step.changedFields(), problems);
    }
    return step;
  }

  private PlannedStep rotation(LogicalObject object, ExportDocument target, List<String> differences, List<String> problems) {
    Optional<String> newName = rotatedNames.rotated(object);
    if (newName.isEmpty()) {
      problems.add(object.key() + " differs on the target and the document holds no value to rotate it to;"
          + " export the source with secret values");
      return new PlannedStep(ApplyAction.CONFLICT, object.kind(), object.name(), differences, "no value to rotate to");
    }
    List<String> users = target.ofKind(ObjectKind.SERVICE).stream()
        .filter(s -> references.uses(s.spec(), object.kind(), object.name())).map(s -> "service/" + s.name()).toList();
    return new PlannedStep(ApplyAction.ROTATE, object.kind(), object.name(), differences,
        "as " + newName.get() + (users.isEmpty() ? "" : "; updates " + String.join(", ", users))
            + "; removes the old " + object.name() + " once no service uses it");
  }

  private List<String> missingReferences(LogicalObject service, ExportDocument wanted, ExportDocument target) {
    List<String> missing = new ArrayList<>();
    for (ServiceReferences.Reference ref : references.of(service.spec())) {
      boolean known = wanted.find(ref.kind(), ref.name()).isPresent() || target.find(ref.kind(), ref.name()).isPresent()
          || (ref.kind() == ObjectKind.NETWORK && ENGINE_NETWORKS.contains(ref.name()));
      if (!known) {
        missing.add("service/" + service.name() + " uses " + ref.key()
            + ", which is neither in the document (or its selection) nor on the target; add it with --only "
            + ref.key());
      }
    }
    return missing;
  }

  private static Optional<String> checkName(LogicalObject object) {
    Pattern rule = switch (object.kind()) {
      case SERVICE -> SERVICE_NAME;
      case NETWORK -> NETWORK_NAME;
      case SECRET, CONFIG -> SECRET_OR_CONFIG_NAME;
    };
    int max = object.kind() == ObjectKind.SERVICE ? 63 : 64;
    String name = object.name();
    if (name.length() <= max && rule.matcher(name).matches()) {
      return Optional.empty();
    }
    return Optional.of(object.kind().label() + " name '" + name + "' is not valid on a swarm"
        + " (letters, digits and " + (object.kind() == ObjectKind.SERVICE ? "- _" : "- _ .") + ", at most " + max
        + " characters)");
  }

  private static boolean isEngineNetwork(LogicalObject network) {
    return ENGINE_NETWORKS.contains(network.name()) || network.spec().path("Ingress").asBoolean(false);
  }

  /** The ingress is the engine's: a differing one is reported, never changed. */
  private Optional<String> ingressNote(ExportDocument wanted, ExportDocument target) {
    Optional<ObjectNode> a = wanted.cluster().flatMap(ClusterSettings::ingress);
    Optional<ObjectNode> b = target.cluster().flatMap(ClusterSettings::ingress);
    if (a.isEmpty() || b.isEmpty()) {
      return Optional.empty();
    }
    ComparableSpecs.Pair pair = normalForm.of(ObjectKind.NETWORK, a.get(), b.get());
    List<String> differences = specDiff.paths(pair.a(), pair.b());
    if (differences.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("ingress differs: " + String.join(", ", differences) + "; the engine owns it, so apply"
        + " leaves it as it is (recreate it with 'docker network create --ingress' if you want the document's)");
  }

  private Optional<String> clusterNote(ExportDocument wanted, ExportDocument target) {
    if (wanted.cluster().isEmpty() || target.cluster().isEmpty()) {
      return Optional.empty();
    }
    ObjectNode spec = wanted.cluster().get().swarmSpec();
    // The name is always "default" and labels are the user's; the settings that matter are the rest.
    spec.remove("Name");
    List<String> differences = comparison.differences(spec, target.cluster().get().swarmSpec());
    if (differences.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("cluster settings differ on the target (" + String.join(", ", differences)
        + "); apply does not change them: use 'docker swarm update' if you want the document's");
  }
}
