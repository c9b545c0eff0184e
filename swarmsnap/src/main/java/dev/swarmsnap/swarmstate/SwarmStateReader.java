package dev.swarmsnap.swarmstate;

import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.swarmstate.convert.StoreSpecs;
import dev.swarmsnap.swarmstate.files.DirectorySwarmFiles;
import dev.swarmsnap.swarmstate.files.SwarmFiles;
import dev.swarmsnap.swarmstate.model.SwarmState;
import dev.swarmsnap.swarmstate.store.StoreReplayer;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads a manager's swarm directory offline into the read model (docs/swarm-state-format.md §4.7): keys, newest
 * snapshot, WAL from the segment covering it, committed entries replayed. Strict: the first
 * failed check of docs/swarm-state-format.md §7.1 throws. Stateless and thread-safe; the unlock key is not wiped.
 */
public final class SwarmStateReader {

  /**
   * Reads with secrets redacted.
   *
   * @param swarmDir the {@code swarm} directory (e.g. {@code /var/lib/docker/swarm})
   * @param unlockKey needed only when the swarm is autolocked
   * @throws dev.swarmsnap.error.WrongUnlockKeyException if the key does not open this swarm
   * @throws dev.swarmsnap.error.CorruptStateException naming file and offset of damage
   * @throws dev.swarmsnap.error.SwarmsnapException NOT_FOUND for an incomplete directory, USAGE
   *     when a locked swarm is read without a key
   */
  public SwarmState read(Path swarmDir, Optional<UnlockKey> unlockKey) {
    return read(swarmDir, unlockKey, false);
  }

  /** As {@link #read(Path, Optional)}; with {@code revealSecrets} secret values are included. */
  public SwarmState read(Path swarmDir, Optional<UnlockKey> unlockKey, boolean revealSecrets) {
    return read(new DirectorySwarmFiles(swarmDir), unlockKey, revealSecrets);
  }

  /** As {@link #read(Path, Optional, boolean)}, from any source of the swarm directory's files. */
  public SwarmState read(SwarmFiles files, Optional<UnlockKey> unlockKey, boolean revealSecrets) {
    return new StateLoad(files, unlockKey, true, revealSecrets).run().orElseThrow();
  }

  /**
   * As {@link #read(SwarmFiles, Optional, boolean)} with secrets redacted in the read model, plus
   * every user object's full spec in the Engine API's shape (config data kept, secret values held
   * as {@link dev.swarmsnap.swarmstate.model.SecretValue}), for the logical export.
   */
  public StateWithSpecs readWithSpecs(SwarmFiles files, Optional<UnlockKey> unlockKey) {
    StateLoad load = new StateLoad(files, unlockKey, true, false, StoreReplayer.keepingConfigData(),
        OptionalLong.empty());
    SwarmState state = load.run().orElseThrow();
    return new StateWithSpecs(state, new StoreSpecs().read(load.store().orElseThrow()));
  }
}
