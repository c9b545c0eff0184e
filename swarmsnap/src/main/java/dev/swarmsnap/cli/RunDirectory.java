package dev.swarmsnap.cli;

import java.nio.file.Path;

/** Where swarmsnap keeps its host lock and watchdog files: {@code $SWARMSNAP_RUN_DIR}, else {@code /run/swarmsnap}. */
public final class RunDirectory {
  private RunDirectory() {}

  public static Path of(CliContext context) {
    return context.env("SWARMSNAP_RUN_DIR").map(Path::of).orElse(Path.of("/run/swarmsnap"));
  }
}
