package dev.swarmsnap.core.backup;

import dev.swarmsnap.core.keys.UnlockKeyCheck;
import dev.swarmsnap.crypto.UnlockKey;
import java.util.Arrays;
import java.util.Optional;

/**
 * The unlock key of an autolocked swarm for the length of one backup: its text (to unlock the node
 * after the restart), the parsed key (to verify the copy), and what the manifest records of it.
 * Closing wipes both; {@link #none()} for a swarm without autolock.
 *
 * @param warning what the user was told about keeping the key, for the report
 */
record HeldUnlockKey(
    Optional<char[]> text, Optional<UnlockKey> key, Optional<UnlockKeyCheck.Fitted> fitted, Optional<String> warning)
    implements AutoCloseable {

  static HeldUnlockKey none() {
    return new HeldUnlockKey(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  @Override
  public void close() {
    text.ifPresent(t -> Arrays.fill(t, '\0'));
    key.ifPresent(UnlockKey::wipe);
  }
}
