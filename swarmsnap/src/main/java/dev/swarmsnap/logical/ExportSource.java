package dev.swarmsnap.logical;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a document's objects were read.
 *
 * @param kind an archive, a swarm directory or a live engine
 * @param clusterId the swarm's cluster ID, when known
 * @param engineVersion the Docker engine version that wrote the state, when known
 * @param takenAt when the state was captured (the backup time, or the time of a live read)
 */
public record ExportSource(Kind kind, Optional<String> clusterId, Optional<String> engineVersion, Optional<Instant> takenAt) {

  /** What the objects were read from. */
  public enum Kind {
    ARCHIVE, DIRECTORY, LIVE;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public ExportSource {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(clusterId, "clusterId");
    Objects.requireNonNull(engineVersion, "engineVersion");
    Objects.requireNonNull(takenAt, "takenAt");
  }
}
