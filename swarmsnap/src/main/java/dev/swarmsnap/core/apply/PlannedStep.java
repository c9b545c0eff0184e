package dev.swarmsnap.core.apply;

import dev.swarmsnap.logical.ObjectKind;
import java.util.List;
import java.util.Objects;

/**
 * One line of the plan.
 *
 * @param changedFields for UPDATE, SKIP and CONFLICT: the dotted paths where the target differs
 * @param note why, when the action alone does not say it (empty otherwise)
 */
public record PlannedStep(ApplyAction action, ObjectKind kind, String name, List<String> changedFields, String note) {
  public PlannedStep {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    changedFields = List.copyOf(changedFields);
    Objects.requireNonNull(note, "note");
  }

  /** {@code kind/name}. */
  public String key() {
    return kind.label() + "/" + name;
  }

  /** Whether carrying out the plan changes this object. */
  public boolean changes() {
    return action == ApplyAction.CREATE || action == ApplyAction.UPDATE || action == ApplyAction.ROTATE;
  }
}
