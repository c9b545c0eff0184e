package dev.swarmsnap.lab;

/** How stopping a node's dockerd went. */
public enum StopOutcome {
  /** No dockerd of this node was running. */
  ALREADY_STOPPED,
  /** It exited after SIGTERM. */
  STOPPED,
  /** It ignored SIGTERM past the stop timeout and was ended with SIGKILL. */
  KILLED_AFTER_TIMEOUT
}
