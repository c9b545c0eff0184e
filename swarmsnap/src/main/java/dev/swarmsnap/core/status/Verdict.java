package dev.swarmsnap.core.status;

/** Whether a cold backup (stop this engine, copy, start) may run here now. */
public enum Verdict {
  /** Stopping this engine keeps the cluster's quorum and leader. */
  SAFE,
  /** A single-manager swarm: the management API is down while the engine is stopped; services keep running. */
  SAFE_WITH_OUTAGE,
  /** Not now, or not here: see the reasons. */
  UNSAFE;

  public boolean permitsBackup() {
    return this != UNSAFE;
  }
}
