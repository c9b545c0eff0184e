package dev.swarmsnap.core.backup;

import java.time.Duration;
import java.util.Objects;

/**
 * The user's intent for one backup, as far as the preflight is concerned.
 *
 * @param allowLeader back up the leader although followers exist
 * @param acceptOutage accept that the swarm loses its management API (single manager, or quorum
 *     lost while this node is down)
 * @param interactive a person is at a terminal who can confirm
 */
public record BackupOptions(boolean allowLeader, boolean acceptOutage, boolean interactive, Duration maxDowntime) {
  public BackupOptions {
    Objects.requireNonNull(maxDowntime, "maxDowntime");
  }
}
