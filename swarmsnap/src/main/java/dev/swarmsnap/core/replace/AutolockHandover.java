package dev.swarmsnap.core.replace;

import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.durable.AtomicFileWriter;
import dev.swarmsnap.durable.PendingFile;
import dev.swarmsnap.engine.EngineClient;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.swarmstate.keys.NodeKeyFile;
import dev.swarmsnap.swarmstate.keys.UnlockedKeyFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Gets an autolocked manager started without quorum, shared by restore and recover: the engine
 * cannot unlock a manager that cannot reach a leader (the unlock waits for one), and refuses
 * {@code --force-new-cluster} while autolock is on (moby/moby#36852), so the node key is rewritten
 * unlocked offline before the start; afterwards autolock is (back) on with a new key that nobody
 * has seen and that goes only where the user said.
 */
public final class AutolockHandover {
  private final NewUnlockKeyDelivery delivery = new NewUnlockKeyDelivery();

  /** Refuses, before anything changes, a destination that cannot take the new key. */
  public void checkUsable(NewUnlockKeyDestination destination) {
    delivery.checkUsable(destination);
  }

  /**
   * Replaces {@code keyPath} (an encrypted {@code swarm-node.key} of a stopped node) by the
   * unencrypted key with the {@code kek-version} the engine expects (docs/swarm-state-format.md §8.1).
   */
  public void rewriteUnlocked(Path keyPath, UnlockKey key) {
    byte[] pem = new UnlockedKeyFile().render(NodeKeyFile.read(keyPath), key);
    try {
      Files.delete(keyPath);
      try (PendingFile out = new AtomicFileWriter().create(keyPath, AtomicFileWriter.OWNER_ONLY)) {
        out.write(pem, 0, pem.length);
        out.commit();
      }
    } catch (IOException e) {
      throw new SwarmsnapException(ExitCode.FAILED, "cannot rewrite " + keyPath + ": " + e.getMessage(),
          "nothing outside the working copy was changed", e);
    } finally {
      Arrays.fill(pem, (byte) 0);
    }
  }

  /**
   * Turns autolock on with a new key and delivers it. A restored swarm may still be autolocked with
   * the backup-time key (a one-manager raft re-locks its node key with it as soon as it leads), so
   * the key is always rotated: the backup-time key must not open the restored node. If the new key
   * cannot be delivered, autolock goes off: a swarm locked with a key nobody has would be lost at
   * the next restart.
   *
   * @return where the key went, for the report
   */
  public String relock(EngineClient engine, NewUnlockKeyDestination destination, RestoreListener listener) {
    listener.step("turning autolock on with a new unlock key; it goes to " + destination.describe());
    engine.autolockWithNewKey();
    char[] newKey = engine.unlockKey();
    try {
      delivery.deliver(destination, newKey);
    } catch (RuntimeException e) {
      try {
        engine.swarmUpdateAutolock(false);
      } catch (RuntimeException again) {
        e.addSuppressed(again);
      }
      throw new SwarmsnapException(ExitCode.FAILED,
          "the swarm is back, but the new unlock key could not be handed to " + destination.describe()
              + ", so autolock was turned off again: " + e.getMessage(),
          "fix the destination, then run 'docker swarm update --autolock=true' and keep the key it prints", e);
    } finally {
      Arrays.fill(newKey, '\0');
    }
    return destination.describe();
  }
}
