package dev.swarmsnap.cli;

import picocli.CommandLine.Option;

/** The {@code --json} switch every command shares: results as one JSON document on stdout. */
public final class OutputOptions {
  @Option(names = "--json", description = "Print the result as JSON on stdout (for scripts).")
  boolean json;

  public boolean json() {
    return json;
  }
}
