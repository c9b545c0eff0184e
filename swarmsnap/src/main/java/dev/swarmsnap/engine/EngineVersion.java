package dev.swarmsnap.engine;

import java.util.Objects;

/** What {@code GET /version} says of the engine. */
public record EngineVersion(String version, String apiVersion, String os, String arch, String kernelVersion) {
  public EngineVersion {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(apiVersion, "apiVersion");
  }
}
