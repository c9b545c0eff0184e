package dev.swarmsnap.core.restore;

import dev.swarmsnap.core.replace.NewUnlockKeyDestination;
import dev.swarmsnap.core.keys.UnlockKeySource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One restore to do.
 *
 * @param swarmDir the swarm directory to replace; default {@code <engine data-root>/swarm}
 * @param keySource the unlock key that was current at backup time (autolocked backups only)
 * @param newKey where the new unlock key goes when autolock is turned back on
 * @param advertiseAddr the address the restored manager advertises; default the backup's
 * @param dryRun check and print the plan, change nothing
 * @param confirmed {@code --yes}: no question asked
 * @param interactive a person at a terminal can confirm
 * @param runDir where the host lock and the watchdog's files live
 * @param targetEngine the engine binary asked for its version when the engine is stopped
 * @param maxStateBytes the most swarm state the archive may extract to (its files' original lengths)
 */
public record RestoreRequest(
    Path archive,
    Optional<Path> swarmDir,
    Optional<UnlockKeySource> keySource,
    Optional<NewUnlockKeyDestination> newKey,
    Optional<String> advertiseAddr,
    boolean dryRun,
    boolean confirmed,
    boolean interactive,
    Path runDir,
    Duration maxDowntime,
    TargetEngine targetEngine,
    long maxStateBytes) {
  public RestoreRequest {
    Objects.requireNonNull(targetEngine, "targetEngine");
    Objects.requireNonNull(archive, "archive");
    if (maxStateBytes <= 0) {
      throw new IllegalArgumentException("maxStateBytes must be positive");
    }
    Objects.requireNonNull(runDir, "runDir");
    Objects.requireNonNull(maxDowntime, "maxDowntime");
  }
}
