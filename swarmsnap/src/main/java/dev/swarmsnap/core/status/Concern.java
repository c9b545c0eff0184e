package dev.swarmsnap.core.status;

/** Each thing that makes a cold backup here unsafe or costly; options of {@code backup} override some. */
public enum Concern {
  NOT_IN_SWARM,
  WORKER,
  LOCKED,
  NOT_READY,
  NO_QUORUM,
  LEADER,
  QUORUM_LOSS,
  SINGLE_MANAGER
}
