package dev.swarmsnap.core.apply;

import java.util.List;

/**
 * What apply will do, step by step in the order it does it (networks, secrets, configs, services),
 * and why it may not: {@code problems} are faults of the input (a reference to nothing, a secret
 * without a value, a name the engine refuses), CONFLICT steps are objects it must not change.
 * Printed by {@code --dry-run} exactly as the real run carries it out.
 *
 * @param notes what the user should know that changes nothing (a differing ingress, cluster settings)
 */
public record ApplyPlan(List<PlannedStep> steps, List<String> notes, List<String> problems) {
  public ApplyPlan {
    steps = List.copyOf(steps);
    notes = List.copyOf(notes);
    problems = List.copyOf(problems);
  }

  public List<PlannedStep> conflicts() {
    return steps.stream().filter(s -> s.action() == ApplyAction.CONFLICT).toList();
  }

  /** The steps that change the target. */
  public List<PlannedStep> changes() {
    return steps.stream().filter(PlannedStep::changes).toList();
  }

  public boolean refused() {
    return !problems.isEmpty() || !conflicts().isEmpty();
  }

  /** Nothing to change: a rerun after a complete apply. */
  public boolean empty() {
    return changes().isEmpty();
  }
}
