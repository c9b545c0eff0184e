package dev.swarmsnap.core.apply;

import dev.swarmsnap.logical.ObjectKind;

/** A step carried out: the object's ID on the target afterwards. */
public record AppliedStep(ApplyAction action, ObjectKind kind, String name, String id) {
  public String key() {
    return kind.label() + "/" + name;
  }
}
