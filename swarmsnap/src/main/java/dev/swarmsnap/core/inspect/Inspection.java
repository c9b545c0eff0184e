package dev.swarmsnap.core.inspect;

import dev.swarmsnap.archive.manifest.BackupMode;
import dev.swarmsnap.archive.manifest.WalCut;
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
 * @param backupMode the archive's mode, {@code cold} or {@code hot}, when an archive
 * @param walCut a hot archive's cut of a torn final WAL record, if it had one
 */
public record Inspection(
    String source,
    boolean archive,
    Optional<String> backupCreatedAt,
    SwarmState state,
    Optional<BackupMode> backupMode,
    Optional<WalCut> walCut) {
  public Inspection {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(backupMode, "backupMode");
    Objects.requireNonNull(walCut, "walCut");
  }

  /** A directory's, or an archive's without mode facts. */
  public Inspection(String source, boolean archive, Optional<String> backupCreatedAt, SwarmState state) {
    this(source, archive, backupCreatedAt, state, Optional.empty(), Optional.empty());
  }
}
