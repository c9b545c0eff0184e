package dev.swarmsnap.core.inspect;

import dev.swarmsnap.archive.manifest.Manifest;
import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.error.WrongUnlockKeyException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Adds what an archive knows to a wrong-key error: the fingerprint of the key the backup was
 * taken with, so after a rotation the user can tell which key to look for.
 */
public final class KeyMismatch {
  private final Optional<Manifest> manifest;

  public KeyMismatch(SwarmSource source) {
    this(source.manifest());
  }

  /** For an archive whose manifest was read already; an empty one explains nothing more. */
  public KeyMismatch(Optional<Manifest> manifest) {
    this.manifest = manifest;
  }

  /** Runs {@code read}; a {@link WrongUnlockKeyException} is rethrown with both fingerprints. */
  public <T> T explained(Optional<UnlockKey> given, Supplier<T> read) {
    try {
      return read.get();
    } catch (WrongUnlockKeyException e) {
      var recorded = manifest.flatMap(m -> m.lock().unlockKeyFingerprint());
      if (recorded.isEmpty()) {
        throw e;
      }
      var node = manifest.get().node();
      throw new WrongUnlockKeyException(given.map(UnlockKey::fingerprint).orElse("none"),
          "cluster " + node.clusterId() + ", node " + node.nodeId()
              + "; the backup was taken under the key with fingerprint " + recorded.get()
              + ": that key is needed, even after a later 'swarm unlock-key --rotate'");
    }
  }
}
