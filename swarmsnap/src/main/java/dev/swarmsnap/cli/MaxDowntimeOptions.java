package dev.swarmsnap.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --max-downtime}, for every command that stops the engine: the watchdog's deadline. */
public final class MaxDowntimeOptions {
  @Option(names = "--max-downtime", paramLabel = "SECONDS", defaultValue = "300",
      description = "The watchdog starts the engine after this long, whatever happens (default: ${DEFAULT-VALUE}).")
  long seconds;

  public Duration maxDowntime() {
    return Duration.ofSeconds(seconds);
  }
}
