package dev.swarmsnap.core.recover;

import dev.swarmsnap.core.keys.UnlockKeySource;
import dev.swarmsnap.core.replace.NewUnlockKeyDestination;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One recovery to do.
 *
 * @param swarmDir this node's swarm directory; default {@code <engine data-root>/swarm}
 * @param keySource the current unlock key (autolocked swarms only)
 * @param newKey where the new unlock key goes when autolock is turned back on
 * @param advertiseAddr the address to advertise; default the one in {@code docker-state.json}
 * @param dryRun confirm the loss, check and print the plan, change nothing
 * @param confirmed {@code --yes}: no question asked
 * @param interactive a person at a terminal can confirm
 * @param runDir where the host lock and the watchdog's files live
 * @param settle how long "no leader" must hold before it counts as a loss
 */
public record RecoverRequest(
    Optional<Path> swarmDir,
    Optional<UnlockKeySource> keySource,
    Optional<NewUnlockKeyDestination> newKey,
    Optional<String> advertiseAddr,
    boolean dryRun,
    boolean confirmed,
    boolean interactive,
    Path runDir,
    Duration maxDowntime,
    Duration settle) {
  public RecoverRequest {
    Objects.requireNonNull(runDir, "runDir");
    Objects.requireNonNull(maxDowntime, "maxDowntime");
    Objects.requireNonNull(settle, "settle");
  }
}
