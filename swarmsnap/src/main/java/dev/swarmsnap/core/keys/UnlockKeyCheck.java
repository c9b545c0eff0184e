package dev.swarmsnap.core.keys;

import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.swarmstate.files.DirectorySwarmFiles;
import dev.swarmsnap.swarmstate.files.SwarmFiles;
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
  private static final String KEY = "certificates/swarm-node.key";
  private static final String CERTIFICATE = "certificates/swarm-node.crt";
  private final NodeKeyUnlocker unlocker = new NodeKeyUnlocker();

  /** What a manifest may record of a key that fits: never the key itself. */
  public record Fitted(String fingerprint, long kekVersion) {}

  /**
   * @throws dev.swarmsnap.error.WrongUnlockKeyException when it does not open the node key
   */
  public Fitted check(Path swarmDir, UnlockKey key) {
    return check(new DirectorySwarmFiles(swarmDir), key);
  }

  /** The same for a swarm directory's files from any source (a directory or an archive). */
  public Fitted check(SwarmFiles files, UnlockKey key) {
    NodeKeyFile keyFile = nodeKey(files);
    NodeCertificate certificate = NodeCertificate.parse(
        files.location(CERTIFICATE), files.readSmall(CERTIFICATE));
    unlocker.unlock(keyFile, certificate, Optional.of(key));
    return new Fitted(key.fingerprint(), keyFile.kekVersion());
  }

  /** Whether this node key is encrypted, i.e. the swarm was autolocked when it was written. */
  public boolean locked(SwarmFiles files) {
    return nodeKey(files).encrypted();
  }

  private static NodeKeyFile nodeKey(SwarmFiles files) {
    return NodeKeyFile.parse(files.location(KEY), files.readSmall(KEY));
  }
}
