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
 * @param hot copy while the engine runs (no outage, so no leader or quorum concern)
 */
public record BackupOptions(
    boolean allowLeader, boolean acceptOutage, boolean interactive, Duration maxDowntime, boolean hot) {
  public BackupOptions {
    Objects.requireNonNull(maxDowntime, "maxDowntime");
  }

  /** A cold backup's options. */
  public BackupOptions(boolean allowLeader, boolean acceptOutage, boolean interactive, Duration maxDowntime) {
    this(allowLeader, acceptOutage, interactive, maxDowntime, false);
  }
}
