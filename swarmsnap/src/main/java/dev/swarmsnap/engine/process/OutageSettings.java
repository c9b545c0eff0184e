package dev.swarmsnap.engine.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Limits of one engine outage.
 *
 * @param runDir where the watchdog keeps its files (a per-outage subdirectory is made)
 * @param maxDowntime after this the watchdog starts the engine whatever swarmsnap is doing
 * @param cleanupOnDeath what the watchdog removes if swarmsnap dies during the outage
 */
public record OutageSettings(
    Path runDir, Duration maxDowntime, Duration stopTimeout, Duration startTimeout, java.util.Optional<Path> cleanupOnDeath) {
  public OutageSettings {
    Objects.requireNonNull(runDir, "runDir");
    if (maxDowntime.isNegative() || maxDowntime.isZero()) {
      throw new IllegalArgumentException("maxDowntime must be positive");
    }
  }
}
