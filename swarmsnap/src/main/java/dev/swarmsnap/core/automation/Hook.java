package dev.swarmsnap.core.automation;

import java.time.Duration;
import java.util.Objects;

/**
 * A user command run before or after a backup, under {@code sh -c}, ended after {@code timeout}.
 */
public record Hook(String commandLine, Duration timeout) {
  public Hook {
    Objects.requireNonNull(commandLine, "commandLine");
    Objects.requireNonNull(timeout, "timeout");
    if (commandLine.isBlank()) {
      throw new IllegalArgumentException("a hook needs a command");
    }
  }
}
