package dev.swarmsnap.cli.lab;

import dev.swarmsnap.cli.CliContext;
import dev.swarmsnap.lab.LabSettings;
import dev.swarmsnap.lab.Labs;
import java.nio.file.Path;

/**
 * Builds {@link Labs} from the environment: {@code SWARMSNAP_LAB_REGISTRY}, {@code SWARMSNAP_LAB_DOCKERD}
 * and {@code SWARMSNAP_LAB_DOCKER} override the registry directory and the programs. A lab keeps
 * the dockerd it was made with: later commands on it restart that binary whatever these say.
 */
public final class LabWiring {
  private LabWiring() {}

  static Labs labs(CliContext context) {
    return new Labs(settings(context));
  }

  /** As {@link #labs(CliContext)}, running {@code dockerd} instead of the one the environment names. */
  static Labs labs(CliContext context, Path dockerd) {
    return new Labs(settings(context).withDockerd(dockerd.toAbsolutePath().toString()));
  }

  /** The lab settings the environment gives, as every {@code lab} command uses them (the drill's sandbox too). */
  public static LabSettings settings(CliContext context) {
    LabSettings settings = LabSettings.defaults();
    settings = context.env("SWARMSNAP_LAB_REGISTRY").map(Path::of).map(settings::withRegistryDir).orElse(settings);
    settings = context.env("SWARMSNAP_LAB_DOCKERD").map(settings::withDockerd).orElse(settings);
    return context.env("SWARMSNAP_LAB_DOCKER").map(settings::withDocker).orElse(settings);
  }
}
