package dev.swarmsnap.engine.process;

import dev.swarmsnap.engine.EngineClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Limits of one engine outage, and what its safety nets need to know.
 *
 * @param runDir where the watchdog keeps its files (a per-outage subdirectory is made)
 * @param maxDowntime after this the watchdog starts the engine whatever swarmsnap is doing
 * @param stopTimeout how long a stopping engine may take to exit before it counts as hung
 * @param startTimeout how long a started engine may take to answer
 * @param cleanupOnDeath what the watchdog removes if swarmsnap dies during the outage
 * @param api the engine's API: the outage ends only once it answers, and the watchdog pings its
 *     unix socket; empty when only the process can be watched
 * @param swapJournal the {@link SwapJournal} of a swap done during the outage, for the watchdog
 * @param phases told each named moment of the outage as it is reached ({@code stopping},
 *     {@code stopped}, {@code start-issued}, {@code starting}); see docs/architecture.md
 */
public record OutageSettings(
    Path runDir, Duration maxDowntime, Duration stopTimeout, Duration startTimeout, Optional<Path> cleanupOnDeath,
    Optional<EngineClient> api, Optional<Path> swapJournal, Consumer<String> phases) {
  public OutageSettings {
    Objects.requireNonNull(runDir, "runDir");
    if (maxDowntime.isNegative() || maxDowntime.isZero()) {
      throw new IllegalArgumentException("maxDowntime must be positive");
    }
    Objects.requireNonNull(stopTimeout, "stopTimeout");
    Objects.requireNonNull(startTimeout, "startTimeout");
    Objects.requireNonNull(cleanupOnDeath, "cleanupOnDeath");
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(swapJournal, "swapJournal");
    Objects.requireNonNull(phases, "phases");
  }

  public OutageSettings(
      Path runDir, Duration maxDowntime, Duration stopTimeout, Duration startTimeout, Optional<Path> cleanupOnDeath) {
    this(runDir, maxDowntime, stopTimeout, startTimeout, cleanupOnDeath, Optional.empty(), Optional.empty(), phase -> {});
  }

  public OutageSettings withApi(EngineClient engine) {
    return new OutageSettings(runDir, maxDowntime, stopTimeout, startTimeout, cleanupOnDeath, Optional.of(engine),
        swapJournal, phases);
  }

  public OutageSettings withSwapJournal(Path journal) {
    return new OutageSettings(runDir, maxDowntime, stopTimeout, startTimeout, cleanupOnDeath, api,
        Optional.of(journal), phases);
  }

  public OutageSettings withPhases(Consumer<String> listener) {
    return new OutageSettings(runDir, maxDowntime, stopTimeout, startTimeout, cleanupOnDeath, api, swapJournal,
        listener);
  }

  /** The unix socket of the engine's API, when it is reached through one. */
  Optional<Path> apiSocket() {
    return api.map(EngineClient::endpoint)
        .filter(endpoint -> endpoint.startsWith("unix://"))
        .map(endpoint -> Path.of(endpoint.substring("unix://".length())));
  }
}
