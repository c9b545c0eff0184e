package dev.swarmsnap.core.replace;

import dev.swarmsnap.core.restore.RestoreService;
import java.util.List;

/**
 * What a restore will do, in order, and why it might not: {@code --dry-run} prints it, the terminal
 * confirmation shows it, {@link RestoreService} carries it out.
 *
 * @param checks what the preflight found (all passed, or the restore is refused)
 * @param steps the actions, in order
 * @param warnings what the user must know (newer engine, other IP)
 * @param refusals reasons not to go ahead; non-empty means nothing will be changed
 * @param otherAddress the restore address differs from the backup's raft address (docker/for-linux#523)
 */
public record RestorePlan(
    List<String> checks, List<String> steps, List<String> warnings, List<String> refusals, boolean otherAddress) {
  public RestorePlan {
    checks = List.copyOf(checks);
    steps = List.copyOf(steps);
    warnings = List.copyOf(warnings);
    refusals = List.copyOf(refusals);
  }

  public boolean refused() {
    return !refusals.isEmpty();
  }
}
