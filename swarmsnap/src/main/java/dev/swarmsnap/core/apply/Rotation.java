package dev.swarmsnap.core.apply;

import java.util.Set;

/**
 * Which secrets and configs apply may rotate ({@link ApplyAction#ROTATE}) rather than call a conflict.
 *
 * @param inUse {@code --rotate-in-use}: one whose data, or anything but its labels, differs
 * @param secrets {@code --rotate-secret NAME}: these secrets even when their spec matches, since a
 *     secret's value cannot be read through the API to compare; not again once the target holds the
 *     document's value under {@code NAME-<digest8>}
 */
public record Rotation(boolean inUse, Set<String> secrets) {
  /** Rotate nothing: the default. */
  public static final Rotation NONE = new Rotation(false, Set.of());

  public Rotation {
    secrets = Set.copyOf(secrets);
  }

  public boolean any() {
    return inUse || !secrets.isEmpty();
  }
}
