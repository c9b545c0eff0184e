package dev.swarmsnap.swarmstate.raft;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The raft DEKs of one manager: the current one and, mid-rotation, a pending one (docs/swarm-state-format.md
 * §2.2, §2.4). Holds copies; {@link #wipe()} zeroes them. {@code toString} shows no key bytes.
 */
public final class DataKeys {
  private final byte[] current;
  private final byte[] pending;

  public DataKeys(byte[] current, Optional<byte[]> pending) {
    this.current = current.clone();
    this.pending = pending.map(byte[]::clone).orElse(null);
  }

  /** Keys to try, pending first as swarmkit does (§2.2). Shared arrays: do not modify. */
  public List<byte[]> inOrderForOpening() {
    List<byte[]> keys = new ArrayList<>(2);
    if (pending != null) {
      keys.add(pending);
    }
    keys.add(current);
    return keys;
  }

  public boolean hasPending() {
    return pending != null;
  }

  public void wipe() {
    Arrays.fill(current, (byte) 0);
    if (pending != null) {
      Arrays.fill(pending, (byte) 0);
    }
  }

  @Override
  public String toString() {
    return "DataKeys[current" + (pending != null ? "+pending" : "") + ", redacted]";
  }
}
