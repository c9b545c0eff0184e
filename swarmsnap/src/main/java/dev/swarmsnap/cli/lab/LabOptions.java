package dev.swarmsnap.cli.lab;

import picocli.CommandLine.Option;

/** {@code --name}, shared by every lab subcommand. */
public final class LabOptions {
  /** The lab used when {@code --name} is not given. */
  public static final String DEFAULT_NAME = "lab";

  @Option(
      names = "--name",
      paramLabel = "LAB",
      defaultValue = DEFAULT_NAME,
      description = "Lab name: 1-12 of a-z, 0-9, '-' (default: ${DEFAULT-VALUE}).")
  String name = DEFAULT_NAME;

  public String name() {
    return name;
  }
}
