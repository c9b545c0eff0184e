package dev.swarmsnap.cli.schedule;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which schedule: its unit name and the directory its units live in. */
public final class UnitOptions {
  static final String DEFAULT_NAME = "swarmsnap-backup";

  @Option(names = "--name", paramLabel = "NAME", defaultValue = DEFAULT_NAME,
      description = "Unit name: NAME.service and NAME.timer (default: ${DEFAULT-VALUE}).")
  String name;

  @Option(names = "--unit-dir", paramLabel = "DIR", defaultValue = "/etc/systemd/system",
      description = "Where the units live (default: ${DEFAULT-VALUE}).")
  Path unitDir;

  String name() {
    return name;
  }

  Path unitDir() {
    return unitDir;
  }
}
