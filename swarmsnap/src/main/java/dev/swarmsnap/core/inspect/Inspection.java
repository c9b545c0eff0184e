package dev.swarmsnap.core.inspect;

import dev.swarmsnap.swarmstate.model.SwarmState;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of {@code inspect}.
 *
 * @param source the directory or archive read
 * @param archive whether it was an archive
 * @param backupCreatedAt the archive's {@code created_at}, ISO-8601, when an archive
 * @param state the decoded state (secrets redacted unless revealed)
 */
public record Inspection(String source, boolean archive, Optional<String> backupCreatedAt, SwarmState state) {
  public Inspection {
    Objects.requireNonNull(state, "state");
  }
}
