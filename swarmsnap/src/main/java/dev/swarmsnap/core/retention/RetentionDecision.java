package dev.swarmsnap.core.retention;

import java.util.List;

/**
 * What a policy keeps and removes, both newest first.
 *
 * @param keep each kept backup with the rules that keep it ({@code daily}, {@code within 2d}, ...)
 */
public record RetentionDecision(List<Kept> keep, List<RetentionCandidate> remove) {
  /** A kept backup and why. */
  public record Kept(RetentionCandidate candidate, List<String> reasons) {
    public Kept {
      reasons = List.copyOf(reasons);
    }
  }

  public RetentionDecision {
    keep = List.copyOf(keep);
    remove = List.copyOf(remove);
  }
}
