package dev.swarmsnap.core.status;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The verdict and why.
 *
 * @param concerns what stands against a backup here, machine-readable
 * @param reasons one sentence each, in the order they matter
 * @param suggestion what to do instead, when there is something to do
 * @param suggestedNode the follower to run on instead, when this node is the leader
 */
public record Safety(
    Verdict verdict,
    Set<Concern> concerns,
    List<String> reasons,
    Optional<String> suggestion,
    Optional<String> suggestedNode) {
  public Safety {
    concerns = concerns.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(concerns));
    reasons = List.copyOf(reasons);
  }

  static Safety unsafe(Concern concern, String reason, String suggestion) {
    return new Safety(Verdict.UNSAFE, Set.of(concern), List.of(reason), Optional.ofNullable(suggestion), Optional.empty());
  }

  public boolean has(Concern concern) {
    return concerns.contains(concern);
  }
}
