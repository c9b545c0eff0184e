package dev.swarmsnap.archive.manifest;

import com.fasterxml.jackson.annotation.JsonProperty;

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
    FieldRules.requireText(engineVersion, "engine_version");
    FieldRules.requireText(apiVersion, "api_version");
    FieldRules.requireText(os, "os");
    FieldRules.requireText(arch, "arch");
  }
}
