package dev.swarmsnap.cli.restore;

import dev.swarmsnap.cli.BackupSourceOptions;
import dev.swarmsnap.cli.ByteSizeConverter;
import dev.swarmsnap.cli.CliContext;
import dev.swarmsnap.cli.EngineControlOptions;
import dev.swarmsnap.cli.EngineOptions;
import dev.swarmsnap.cli.IdentityOptions;
import dev.swarmsnap.cli.JsonOutput;
import dev.swarmsnap.cli.MaxDowntimeOptions;
import dev.swarmsnap.cli.NewUnlockKeyOptions;
import dev.swarmsnap.cli.OutputOptions;
import dev.swarmsnap.cli.RunDirectory;
import dev.swarmsnap.cli.UnlockKeyOptions;
import dev.swarmsnap.core.keys.UnlockKeyReader;
import dev.swarmsnap.core.repository.FetchedArchive;
import dev.swarmsnap.core.restore.RestoreReport;
import dev.swarmsnap.core.restore.RestoreRequest;
import dev.swarmsnap.core.restore.RestoreService;
import dev.swarmsnap.core.restore.TargetEngine;
import dev.swarmsnap.crypto.age.AgeIdentities;
import dev.swarmsnap.engine.EngineClient;
import dev.swarmsnap.engine.process.EngineControlSelector;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code swarmsnap restore}: this node becomes the one manager of the archived swarm. */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = {
      "Restores a manager from a backup archive: verifies the archive and its swarm state (and the unlock"
          + " key) before touching anything, stops the engine, moves the swarm directory aside"
          + " (swarm.before-restore-<time>, never deleted), puts the backup in place, starts the engine and"
          + " runs swarm init --force-new-cluster. Any failure before the node leads rolls back.",
    },
    footer = {
      "",
      "Examples:",
      "  swarmsnap restore backup.swarmsnap --dry-run",
      "  swarmsnap restore backup.swarmsnap --yes --json",
      "  swarmsnap restore locked.swarmsnap --unlock-key-file old.key --new-unlock-key-file new.key --yes",
      "  swarmsnap restore latest --repo s3://backups/swarm --s3-endpoint http://minio:9000 --s3-path-style --dry-run"
    })
public final class RestoreCommand implements Callable<Integer> {
  @Mixin EngineOptions engine;
  @Mixin EngineControlOptions control;
  @Mixin UnlockKeyOptions unlockKey;
  @Mixin OutputOptions output;
  @Mixin IdentityOptions identity;

  @Parameters(index = "0", paramLabel = "ARCHIVE",
      description = "The .swarmsnap archive to restore; with --repo, 'latest' or a backup ID prefix.")
  Path archive;

  @Mixin BackupSourceOptions source;

  @Option(names = "--swarm-dir", paramLabel = "DIR",
      description = "The swarm directory to replace (default: $SWARMSNAP_SWARM_DIR, else <engine data-root>/swarm).")
  Path swarmDir;

  @Option(names = "--advertise-addr", paramLabel = "ADDR",
      description = "The address the restored manager advertises (default: the one recorded in the backup).")
  String advertiseAddr;

  @Mixin NewUnlockKeyOptions newKey;
  @Mixin MaxDowntimeOptions downtime;

  @Option(names = "--max-state-size", paramLabel = "SIZE", converter = ByteSizeConverter.class, defaultValue = "8GiB",
      description = "Refuse an archive whose files add up to more than SIZE (e.g. 8GiB, 500MiB; default:"
          + " ${DEFAULT-VALUE}); a swarm directory holds MBs to a few GB.")
  long maxStateBytes;

  @Option(names = "--dry-run", description = "Run every check and print the plan; change nothing.")
  boolean dryRun;

  @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation (needed without a terminal).")
  boolean yes;

  @Option(names = "--dockerd", paramLabel = "PATH",
      description = "The engine binary that starts when the engine is stopped now, asked for its version"
          + " before anything changes (default: $SWARMSNAP_DOCKERD, else dockerd on PATH).")
  String dockerd;

  @Option(names = "--skip-engine-version-check",
      description = "With the engine stopped, go ahead (with a warning) even if the version of the engine that"
          + " will start cannot be told.")
  boolean skipEngineVersionCheck;

  private final CliContext context;

  RestoreCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (FetchedArchive fetched = source.fetch(context, archive.toString()).orElse(null)) {
      return restore(fetched == null ? archive : fetched.archive());
    }
  }

  private Integer restore(Path archive) {
    RestoreRequest request = new RestoreRequest(
        archive,
        Optional.ofNullable(swarmDir).or(() -> context.env("SWARMSNAP_SWARM_DIR").map(Path::of)),
        unlockKey.source(),
        newKey.destination(),
        Optional.ofNullable(advertiseAddr),
        dryRun,
        yes,
        context.interactive(),
        RunDirectory.of(context),
        downtime.maxDowntime(),
        new TargetEngine(
            Optional.ofNullable(dockerd).or(() -> context.env("SWARMSNAP_DOCKERD")).orElse("dockerd"),
            skipEngineVersionCheck),
        maxStateBytes);
    EngineControlSelector.Selected selected = new EngineControlSelector().select(control.request(context));
    RestoreProgress progress = new RestoreProgress(context);
    progress.step("engine control: " + selected.why());
    RestoreReport report;
    try (AgeIdentities identities = identity.identities(); EngineClient client = engine.open(context)) {
      report = new RestoreService(
              context.clock(), new UnlockKeyReader(context.environment(), System.in, System.console()), identities)
          .run(request, client, selected.control(), progress);
    }
    if (output.json()) {
      new JsonOutput().print(context.out(), report);
    } else {
      new RestoreText(context.out()).print(report);
    }
    return 0;
  }
}
