package dev.swarmsnap.core.restore;

import dev.swarmsnap.core.replace.RestorePlan;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a restore (or a dry run) reports; rendered as text or JSON. Never holds an unlock key.
 *
 * @param movedAsideTo where the swarm directory that was there before now is
 * @param downtimeMillis engine stopped (or restore start on a stopped engine) until the node led
 * @param objects object counts of the restored state by kind
 * @param removedManagers hostnames of stale manager entries removed
 * @param newUnlockKey where the new unlock key went, when autolock was turned back on
 * @param nextSteps what the user must do now
 */
public record RestoreReport(
    String archive,
    boolean dryRun,
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
    List<String> removedManagers,
    boolean autolock,
    Optional<String> newUnlockKey,
    long downtimeMillis,
    long totalMillis,
    List<String> warnings,
    List<String> nextSteps) {
  public RestoreReport {
    stepsDone = List.copyOf(stepsDone);
    objects = Map.copyOf(objects);
    removedManagers = List.copyOf(removedManagers);
    warnings = List.copyOf(warnings);
    nextSteps = List.copyOf(nextSteps);
  }
}
