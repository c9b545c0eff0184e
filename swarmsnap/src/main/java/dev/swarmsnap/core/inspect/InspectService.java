package dev.swarmsnap.core.inspect;

import dev.swarmsnap.archive.ArchiveReader;
import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.swarmstate.SwarmStateReader;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** {@code inspect}: reads a swarm directory or archive offline, strictly. Stateless. */
public final class InspectService {
  private final ArchiveReader archives;
  private final SwarmStateReader reader = new SwarmStateReader();

  public InspectService(ArchiveReader archives) {
    this.archives = Objects.requireNonNull(archives, "archives");
  }

  /**
   * @param unlockKey needed only for an autolocked swarm; not wiped here
   * @param revealSecrets include secret values (redacted everywhere else)
   * @throws dev.swarmsnap.error.WrongUnlockKeyException if the key does not open it, naming the
   *     key the backup was taken with when an archive recorded one
   * @throws dev.swarmsnap.error.SwarmsnapException for a missing path or damaged input
   */
  public Inspection inspect(Path path, Optional<UnlockKey> unlockKey, boolean revealSecrets) {
    SwarmSource source = SwarmSource.open(path, archives);
    var state = new KeyMismatch(source).explained(unlockKey,
        () -> reader.read(source.files(), unlockKey, revealSecrets));
    return new Inspection(source.path().toString(), source.isArchive(),
        source.manifest().map(m -> m.createdAt().toString()), state);
  }
}
