package dev.swarmsnap.archive.manifest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The Docker engine and host the backup was taken from, as the engine reported them.
 *
 * @param apiVersion the Engine API version, e.g. {@code 1.41}
 * @param os {@code GOOS}-style name, e.g. {@code linux}
 * @param arch {@code GOARCH}-style name, e.g. {@code amd64}
 */
public record EngineFacts(
    @JsonProperty(value = "engine_version", required = true) String engineVersion,
    @JsonProperty(value = "api_version", required = true) String apiVersion,
    @JsonProperty(value = "os", required = true) String os,
    @JsonProperty(value = "arch", required = true) String arch) {

  public EngineFacts {
    Objects.requireNonNull(engineVersion, "engine_version");
    Objects.requireNonNull(apiVersion, "api_version");
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(arch, "arch");
  }
}
