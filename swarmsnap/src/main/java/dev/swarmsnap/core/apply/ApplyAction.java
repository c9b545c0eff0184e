package dev.swarmsnap.core.apply;

/** What apply does with one object of the document. */
public enum ApplyAction {
  /** Absent on the target: created. */
  CREATE,
  /** On the target with other values, and {@code --existing update}: updated in place. */
  UPDATE,
  /**
   * A secret or config whose data differs and {@code --rotate-in-use}: created as {@code NAME-<digest8>},
   * the services that use it pointed at the new one, the old one removed once no service uses it.
   */
  ROTATE,
  /** On the target already as the document says: nothing to do. */
  UNCHANGED,
  /** On the target with other values, and {@code --existing skip}: left as it is. */
  SKIP,
  /** On the target with other values that apply may not or cannot change: the plan is refused. */
  CONFLICT,
  /** A network the engine creates and owns ({@code ingress}, {@code bridge}, ...): never applied. */
  ENGINE_OWNED
}
