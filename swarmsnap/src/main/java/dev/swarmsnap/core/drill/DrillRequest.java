package dev.swarmsnap.core.drill;

import dev.swarmsnap.core.keys.UnlockKeySource;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One drill to run.
 *
 * @param archive the archive to restore into a sandbox
 * @param keySource the unlock key that was current at backup time (autolocked backups only)
 * @param dockerd the engine binary the sandbox runs, a name on PATH or a path
 * @param maxStateBytes the most swarm state the archive may extract to
 */
public record DrillRequest(Path archive, Optional<UnlockKeySource> keySource, String dockerd, long maxStateBytes) {
  public DrillRequest {
    Objects.requireNonNull(archive, "archive");
    Objects.requireNonNull(keySource, "keySource");
    Objects.requireNonNull(dockerd, "dockerd");
    if (maxStateBytes <= 0) {
      throw new IllegalArgumentException("maxStateBytes must be positive");
    }
  }
}
