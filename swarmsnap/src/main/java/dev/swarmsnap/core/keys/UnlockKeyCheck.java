package dev.swarmsnap.core.keys;

import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.swarmstate.keys.NodeCertificate;
import dev.swarmsnap.swarmstate.keys.NodeKeyFile;
import dev.swarmsnap.swarmstate.keys.NodeKeyUnlocker;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Does this unlock key open this node's key? Asked before a backup stops the engine, so a wrong key
 * is found while nothing has happened yet.
 */
public final class UnlockKeyCheck {
  private final NodeKeyUnlocker unlocker = new NodeKeyUnlocker();

  /** What a manifest may record of a key that fits: never the key itself. */
  public record Fitted(String fingerprint, long kekVersion) {}

  /**
   * @throws dev.swarmsnap.error.WrongUnlockKeyException when it does not open the node key
   */
  public Fitted check(Path swarmDir, UnlockKey key) {
    NodeKeyFile keyFile = NodeKeyFile.read(swarmDir.resolve("certificates/swarm-node.key"));
    NodeCertificate certificate = NodeCertificate.read(swarmDir.resolve("certificates/swarm-node.crt"));
    unlocker.unlock(keyFile, certificate, Optional.of(key));
    return new Fitted(key.fingerprint(), keyFile.kekVersion());
  }
}
