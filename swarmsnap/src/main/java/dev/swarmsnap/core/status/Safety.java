package dev.swarmsnap.core.status;

import java.util.List;
import java.util.Optional;

/**
 * The verdict and why.
 *
 * @param reasons one sentence each, in the order they matter
 * @param suggestion what to do instead, when there is something to do
 * @param suggestedNode the follower to run on instead, when this node is the leader
 */
public record Safety(Verdict verdict, List<String> reasons, Optional<String> suggestion, Optional<String> suggestedNode) {
  public Safety {
    reasons = List.copyOf(reasons);
  }

  static Safety unsafe(String reason, String suggestion) {
    return new Safety(Verdict.UNSAFE, List.of(reason), Optional.ofNullable(suggestion), Optional.empty());
  }
}
