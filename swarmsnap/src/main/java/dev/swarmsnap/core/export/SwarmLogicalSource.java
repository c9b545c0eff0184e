package dev.swarmsnap.core.export;

import dev.swarmsnap.core.inspect.InspectService;
import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.logical.ExportDocument;
import dev.swarmsnap.logical.LogicalSource;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A swarm directory or a swarmsnap archive, read offline with every check {@code inspect} makes
 * (an archive whole against its manifest first). Secret values are read from the raft state; they
 * stay in the document only when {@code withSecretValues}, their digests always.
 */
public final class SwarmLogicalSource implements LogicalSource {
  private final Path path;
  private final InspectService inspector;
  private final Optional<UnlockKey> unlockKey;
  private final boolean withSecretValues;

  /**
   * @param unlockKey needed only for an autolocked swarm; not wiped here
   */
  public SwarmLogicalSource(Path path, InspectService inspector, Optional<UnlockKey> unlockKey, boolean withSecretValues) {
    this.path = Objects.requireNonNull(path, "path");
    this.inspector = Objects.requireNonNull(inspector, "inspector");
    this.unlockKey = Objects.requireNonNull(unlockKey, "unlockKey");
    this.withSecretValues = withSecretValues;
  }

  @Override
  public ExportDocument read() {
    return new DocumentBuilder().build(inspector.inspectSpecs(path, unlockKey), withSecretValues);
  }

  @Override
  public String describe() {
    return path.toString();
  }
}
