package dev.swarmsnap.core.status;

import java.util.Objects;

/**
 * Whether {@code backup --hot} may run here. A hot copy stops nothing, so the leader, a single
 * manager and a thin quorum are all fine; it needs an unlocked, active manager of a swarm that has a
 * leader (its copy is checked against the API view). Pure.
 *
 * @param safe whether a hot backup may run on this node now
 * @param reason one sentence, for people
 */
public record HotBackupSafety(boolean safe, String reason) {
  public HotBackupSafety {
    Objects.requireNonNull(reason, "reason");
  }

  /** Derived from the cold verdict's concerns: only the ones that are not about stopping the engine count. */
  public static HotBackupSafety of(Safety cold) {
    for (Concern blocking : new Concern[] {
        Concern.NOT_IN_SWARM, Concern.WORKER, Concern.LOCKED, Concern.NOT_READY, Concern.NO_QUORUM}) {
      if (cold.has(blocking)) {
        return new HotBackupSafety(false, "hot backup: not here either: " + cold.reasons().get(0));
      }
    }
    return new HotBackupSafety(true, "hot backup: safe anywhere (backup --hot copies while the engine keeps running)");
  }
}
