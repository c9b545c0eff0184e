package dev.swarmsnap.engine;

import java.util.Objects;

/**
 * What {@code GET /info} says, reduced to swarmsnap's needs.
 *
 * @param hostname the engine host's name ({@code Name})
 * @param dockerRootDir the engine's data-root; the swarm directory is {@code <dockerRootDir>/swarm}
 */
public record EngineInfo(String hostname, String serverVersion, String dockerRootDir, SwarmInfo swarm) {
  public EngineInfo {
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(dockerRootDir, "dockerRootDir");
    Objects.requireNonNull(swarm, "swarm");
  }
}
