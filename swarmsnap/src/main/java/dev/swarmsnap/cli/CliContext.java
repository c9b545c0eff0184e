package dev.swarmsnap.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a command may touch of the outside world: the environment, the two output streams, the clock,
 * and whether stdout is a terminal. Built once in {@link Main} (or by a test) and handed to every
 * command through {@link CommandFactory}, so no command reads globals.
 */
public record CliContext(
    Map<String, String> environment,
    PrintWriter out,
    PrintWriter err,
    Clock clock,
    boolean interactive) {

  public CliContext {
    environment = Map.copyOf(environment);
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    Objects.requireNonNull(clock, "clock");
  }

  static CliContext fromProcess(PrintWriter out, PrintWriter err) {
    return new CliContext(System.getenv(), out, err, Clock.systemUTC(), System.console() != null);
  }

  public Optional<String> env(String name) {
    return Optional.ofNullable(environment.get(name)).filter(v -> !v.isBlank());
  }
}
