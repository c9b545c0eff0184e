package dev.swarmsnap.cli.status;

import dev.swarmsnap.cli.CliContext;
import dev.swarmsnap.cli.EngineOptions;
import dev.swarmsnap.cli.JsonOutput;
import dev.swarmsnap.cli.OutputOptions;
import dev.swarmsnap.core.status.StatusReport;
import dev.swarmsnap.core.status.StatusService;
import dev.swarmsnap.core.status.SwarmDirectoryProbe;
import dev.swarmsnap.engine.EngineClient;
import dev.swarmsnap.error.ExitCode;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code swarmsnap status}: is it safe to take a cold backup on this node, now? */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Shows this node's place in the swarm and whether a cold backup is safe here now.",
      "Exits 0 when it is safe (also on a single-manager swarm, where the API is down during a"
          + " backup), 3 when it is not."
    },
    footer = {"", "Example:", "  swarmsnap status", "  swarmsnap status --json -H unix:///run/docker.sock"})
public final class StatusCommand implements Callable<Integer> {
  @Mixin EngineOptions engine;
  @Mixin OutputOptions output;

  @Option(
      names = "--swarm-dir",
      paramLabel = "DIR",
      description = "The swarm directory. Default: $SWARMSNAP_SWARM_DIR, else <engine data-root>/swarm.")
  Path swarmDir;

  private final CliContext context;

  StatusCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    StatusReport report;
    try (EngineClient client = engine.open(context)) {
      report = new StatusService(new SwarmDirectoryProbe()).status(client, swarmDirectory());
    }
    if (output.json()) {
      new JsonOutput().print(context.out(), report);
    } else {
      new StatusText(context.out(), context.clock()).print(report);
    }
    return report.safety().verdict().permitsBackup() ? ExitCode.OK.code() : ExitCode.UNSAFE.code();
  }

  private Optional<Path> swarmDirectory() {
    if (swarmDir != null) {
      return Optional.of(swarmDir);
    }
    return context.env("SWARMSNAP_SWARM_DIR").map(Path::of);
  }
}
