package dev.swarmsnap.cli.lab;

import dev.swarmsnap.cli.CliContext;
import dev.swarmsnap.lab.LabSettings;
import dev.swarmsnap.lab.Labs;
import java.nio.file.Path;

/**
 * Builds {@link Labs} from the environment: {@code SWARMSNAP_LAB_REGISTRY}, {@code SWARMSNAP_LAB_DOCKERD}
 * and {@code SWARMSNAP_LAB_DOCKER} override the registry directory and the programs.
 */
final class LabWiring {
  private LabWiring() {}

  static Labs labs(CliContext context) {
    LabSettings settings = LabSettings.defaults();
    settings = context.env("SWARMSNAP_LAB_REGISTRY").map(Path::of).map(settings::withRegistryDir).orElse(settings);
    settings = context.env("SWARMSNAP_LAB_DOCKERD").map(settings::withDockerd).orElse(settings);
    settings = context.env("SWARMSNAP_LAB_DOCKER").map(settings::withDocker).orElse(settings);
    return new Labs(settings);
  }
}
