package dev.swarmsnap.core.schedule;

import dev.swarmsnap.engine.SwarmNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which manager takes this scheduled run, as every manager computes it from the same node list.
 *
 * @param designated the manager that backs up; empty when no manager qualifies
 * @param self whether the designated manager is the node asking
 * @param passedOver managers earlier in the order that were skipped because they are not ready and
 *     reachable: when non-empty, the designated one stands in for them
 * @param reason one line for the log: who is designated and why
 */
public record Designation(Optional<SwarmNode> designated, boolean self, List<SwarmNode> passedOver, String reason) {
  public Designation {
    Objects.requireNonNull(designated, "designated");
    passedOver = List.copyOf(passedOver);
    Objects.requireNonNull(reason, "reason");
  }

  /** This node takes the run, standing in for managers that are down. */
  public boolean selfStandsIn() {
    return self && !passedOver.isEmpty();
  }
}
