package dev.swarmsnap.cli.recover;

import dev.swarmsnap.cli.CliContext;
import dev.swarmsnap.cli.EngineControlOptions;
import dev.swarmsnap.cli.EngineOptions;
import dev.swarmsnap.cli.JsonOutput;
import dev.swarmsnap.cli.MaxDowntimeOptions;
import dev.swarmsnap.cli.NewUnlockKeyOptions;
import dev.swarmsnap.cli.OutputOptions;
import dev.swarmsnap.cli.RunDirectory;
import dev.swarmsnap.cli.UnlockKeyOptions;
import dev.swarmsnap.cli.restore.RestoreProgress;
import dev.swarmsnap.core.keys.UnlockKeyReader;
import dev.swarmsnap.core.recover.RecoverReport;
import dev.swarmsnap.core.recover.RecoverRequest;
import dev.swarmsnap.core.recover.RecoverService;
import dev.swarmsnap.engine.EngineClient;
import dev.swarmsnap.engine.process.EngineControlSelector;
import dev.swarmsnap.error.ExitCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code swarmsnap recover}: a surviving manager of a cluster without quorum forces a new cluster from its own state. */
@Command(
    name = "recover",
    mixinStandardHelpOptions = true,
    description = {
      "Recovers a swarm that lost quorum, on a surviving manager, without an archive: confirms from the engine"
          + " that there is no leader (and that most managers are gone), reads this node's state offline, then"
          + " stops the engine, copies the swarm directory, moves the original aside (swarm.before-recover-<time>,"
          + " never deleted), starts the engine on the copy and runs swarm init --force-new-cluster."
          + " Any failure before the node leads puts the original back and starts the engine.",
    },
    footer = {
      "",
      "Exit codes: 0 recovered (or dry run), 1 failed (rolled back), 3 refused (the cluster has a leader,"
          + " other managers still answer, no --yes without a terminal, autolocked without keys), 4 recovered but"
          + " objects differ from the state before, 5 engine unreachable, 10 not a manager.",
      "",
      "Examples:",
      "  swarmsnap recover --dry-run",
      "  swarmsnap recover --yes --json",
      "  swarmsnap recover --unlock-key-file current.key --new-unlock-key-file new.key --yes"
    })
public final class RecoverCommand implements Callable<Integer> {
  @Mixin EngineOptions engine;
  @Mixin EngineControlOptions control;
  @Mixin UnlockKeyOptions unlockKey;
  @Mixin NewUnlockKeyOptions newKey;
  @Mixin OutputOptions output;
  @Mixin MaxDowntimeOptions downtime;

  @Option(names = "--swarm-dir", paramLabel = "DIR",
      description = "This node's swarm directory (default: $SWARMSNAP_SWARM_DIR, else <engine data-root>/swarm).")
  Path swarmDir;

  @Option(names = "--advertise-addr", paramLabel = "ADDR",
      description = "The address the new cluster advertises (default: the node's current one).")
  String advertiseAddr;

  @Option(names = "--dry-run", description = "Confirm the loss, run every check and print the plan; change nothing.")
  boolean dryRun;

  @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation (needed without a terminal).")
  boolean yes;

  @Option(names = "--settle", paramLabel = "SECONDS", defaultValue = "5",
      description = "How long the engine must report no leader before it counts as a loss (default: ${DEFAULT-VALUE}).")
  long settleSeconds;

  private final CliContext context;

  RecoverCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    RecoverRequest request = new RecoverRequest(
        Optional.ofNullable(swarmDir).or(() -> context.env("SWARMSNAP_SWARM_DIR").map(Path::of)),
        unlockKey.source(),
        newKey.destination(),
        Optional.ofNullable(advertiseAddr),
        dryRun,
        yes,
        context.interactive(),
        RunDirectory.of(context),
        downtime.maxDowntime(),
        Duration.ofSeconds(settleSeconds));
    EngineControlSelector.Selected selected = new EngineControlSelector().select(control.request(context));
    RestoreProgress progress = new RestoreProgress(context);
    progress.step("engine control: " + selected.why());
    RecoverReport report;
    try (EngineClient client = engine.open(context)) {
      report = new RecoverService(context.clock(), new UnlockKeyReader(context.environment(), System.in, System.console()))
          .run(request, client, selected.control(), progress);
    }
    if (output.json()) {
      new JsonOutput().print(context.out(), report);
    } else {
      new RecoverText(context.out()).print(report);
    }
    return report.objectsMatch() ? 0 : ExitCode.VERIFY_FAILED.code();
  }
}
