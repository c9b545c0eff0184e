package dev.swarmsnap.core.apply;

/** {@code --existing}: what to do with an object that exists on the target with other values. */
public enum ExistingPolicy {
  /** Leave it, say so in the plan. */
  SKIP,
  /** Update it in place where the engine allows that. */
  UPDATE,
  /** Refuse the whole plan (the default: apply never overwrites unasked). */
  FAIL
}
