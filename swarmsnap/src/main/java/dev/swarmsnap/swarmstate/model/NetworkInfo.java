package dev.swarmsnap.swarmstate.model;

import java.util.Map;

/**
 * A swarm network, as the Engine API lists swarm networks: the predefined {@code bridge} and
 * {@code host} networks swarmkit keeps in its store are not among them.
 *
 * @param id network ID
 * @param name spec name
 * @param version meta.version.index
 * @param driver the allocated driver (driver_state, what the engine reports: {@code overlay} for
 *     {@code ingress}), else the requested one (spec.driver_config) while not yet allocated
 * @param labels network labels
 */
public record NetworkInfo(
    String id, String name, long version, String driver, Map<String, String> labels) {
  public NetworkInfo {
    labels = Map.copyOf(labels);
  }
}
