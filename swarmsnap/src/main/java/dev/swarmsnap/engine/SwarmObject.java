package dev.swarmsnap.engine;

import java.util.Objects;

/**
 * One swarm object as the engine shows it.
 *
 * @param id the engine's ID on this swarm
 * @param name the object's name ({@code Spec.Name}, for a network its {@code Name})
 * @param version {@code Version.Index}, which an update must quote; 0 for networks (the API keeps none)
 * @param specJson the spec as JSON in the Engine API's shape: {@code Spec} of a service, secret
 *     (never with {@code Data}: the API does not return it) or config (with {@code Data}); for a
 *     network the fields of a network-create request
 */
public record SwarmObject(SwarmObjectKind kind, String id, String name, long version, String specJson) {
  public SwarmObject {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(specJson, "specJson");
  }
}
