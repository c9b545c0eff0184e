package dev.swarmsnap.core.recover;

import dev.swarmsnap.core.replace.RestorePlan;
import dev.swarmsnap.swarmstate.Finding;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a recovery (or a dry run) reports; rendered as text or JSON. Never holds an unlock key.
 *
 * @param quorum the evidence that quorum was lost
 * @param movedAsideTo where the original swarm directory now is (kept, never deleted)
 * @param objects object counts of this node's state before the recovery, by kind
 * @param comparison live services, networks, configs and secrets against that state, one finding per kind
 * @param objectsMatch no comparison finding failed
 * @param otherManagers hostnames of the managers that left the raft cluster
 * @param newUnlockKey where the new unlock key went, when autolock was turned back on
 * @param downtimeMillis engine stopped until the node led
 * @param nextSteps what the user must do now
 */
public record RecoverReport(
    boolean dryRun,
    QuorumEvidence quorum,
    RestorePlan plan,
    List<String> stepsDone,
    String swarmDir,
    Optional<String> movedAsideTo,
    String clusterId,
    String nodeId,
    String hostname,
    String advertiseAddr,
    boolean leader,
    Map<String, Integer> objects,
    List<Finding> comparison,
    boolean objectsMatch,
    List<String> otherManagers,
    boolean autolock,
    Optional<String> newUnlockKey,
    long downtimeMillis,
    long totalMillis,
    List<String> warnings,
    List<String> nextSteps) {
  public RecoverReport {
    stepsDone = List.copyOf(stepsDone);
    objects = Map.copyOf(objects);
    comparison = List.copyOf(comparison);
    otherManagers = List.copyOf(otherManagers);
    warnings = List.copyOf(warnings);
    nextSteps = List.copyOf(nextSteps);
  }
}
