package dev.swarmsnap.repository;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * {@code swarmsnap-repo.json} at the repository's root: marks a directory or prefix as a swarmsnap
 * repository and names its layout version. Written once, by the first backup stored.
 *
 * @param layoutVersion how objects are named and what the index records hold; readers refuse newer
 */
public record RepositoryConfig(
    @JsonProperty(value = "layout_version", required = true) int layoutVersion,
    @JsonProperty(value = "created_at", required = true) Instant createdAt,
    @JsonProperty(value = "created_by", required = true) String createdBy) {

  public RepositoryConfig {
    if (layoutVersion < 1) {
      throw new IllegalArgumentException("layout_version must be >= 1");
    }
    Objects.requireNonNull(createdAt, "created_at");
    Objects.requireNonNull(createdBy, "created_by");
  }
}
