package dev.swarmsnap.cli.drill;

import dev.swarmsnap.cli.BackupSourceOptions;
import dev.swarmsnap.cli.ByteSizeConverter;
import dev.swarmsnap.cli.CliContext;
import dev.swarmsnap.cli.IdentityOptions;
import dev.swarmsnap.cli.JsonOutput;
import dev.swarmsnap.cli.OutputOptions;
import dev.swarmsnap.cli.UnlockKeyOptions;
import dev.swarmsnap.cli.lab.LabWiring;
import dev.swarmsnap.cli.restore.RestoreProgress;
import dev.swarmsnap.core.drill.DrillReport;
import dev.swarmsnap.core.drill.DrillRequest;
import dev.swarmsnap.core.drill.DrillService;
import dev.swarmsnap.core.keys.UnlockKeyReader;
import dev.swarmsnap.core.repository.FetchedArchive;
import dev.swarmsnap.crypto.age.AgeIdentities;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.sandbox.LabSandboxFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code swarmsnap drill}: proves a backup restores, in a sandbox engine that is removed afterwards. */
@Command(
    name = "drill",
    mixinStandardHelpOptions = true,
    description = {
      "Restore drill: verifies the archive, starts a throw-away dockerd in its own network namespace and"
          + " data root (never this host's engine), restores the archive into it exactly as 'restore' does,"
          + " waits for a ready leader, compares every node, service, network, config and secret it lists with"
          + " the archive, reports the RTO (restore start to ready leader) and removes the sandbox. Exit 0 only"
          + " if all of that worked; 4 when objects differ or the archive does not verify. With --repo the"
          + " result is recorded in the backup's index record ('list' shows it, 'prune' keeps the newest"
          + " backup whose drill passed).",
    },
    footer = {
      "",
      "Examples:",
      "  swarmsnap drill backup.swarmsnap",
      "  swarmsnap drill locked.swarmsnap --unlock-key-file old.key --json",
      "  swarmsnap drill latest --repo /var/backups/swarm --metrics-file /var/lib/node_exporter/swarmsnap-drill.prom"
    })
public final class DrillCommand implements Callable<Integer> {
  @Mixin UnlockKeyOptions unlockKey;
  @Mixin OutputOptions output;
  @Mixin IdentityOptions identity;

  @Parameters(index = "0", paramLabel = "ARCHIVE",
      description = "The .swarmsnap archive to drill; with --repo, 'latest' or a backup ID prefix.")
  Path archive;

  @Mixin BackupSourceOptions source;

  @Option(names = "--dockerd", paramLabel = "PATH",
      description = "The engine binary the sandbox runs (default: $SWARMSNAP_DOCKERD, else dockerd on PATH);"
          + " an archive from a newer engine is refused as 'restore' refuses it.")
  String dockerd;

  @Option(names = "--max-state-size", paramLabel = "SIZE", converter = ByteSizeConverter.class, defaultValue = "8GiB",
      description = "Refuse an archive whose files add up to more than SIZE (default: ${DEFAULT-VALUE}).")
  long maxStateBytes;

  @Option(names = "--metrics-file", paramLabel = "FILE",
      description = "Write Prometheus text-format metrics of the drill to FILE (atomically; a file of its own,"
          + " not the backup's), e.g. swarmsnap_last_drill_success_timestamp_seconds, swarmsnap_drill_rto_seconds.")
  Path metricsFile;

  private final CliContext context;

  DrillCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Instant started = context.clock().instant();
    try (FetchedArchive fetched = source.fetch(context, archive.toString()).orElse(null)) {
      DrillOutcomeRecorder recorder = new DrillOutcomeRecorder(context, source, Optional.ofNullable(fetched), metricsFile);
      RestoreProgress progress = new RestoreProgress(context);
      DrillReport report;
      try {
        report = drill(fetched == null ? archive : fetched.archive(), progress);
      } catch (RuntimeException e) {
        recorder.failed(e, progress.hasReached(DrillService.SANDBOX_READY), started);
        throw e;
      }
      Optional<String> recorded = recorder.finished(report);
      if (output.json()) {
        new JsonOutput().print(context.out(), DrillJson.of(report, recorded));
      } else {
        new DrillText(context.out()).print(report, recorded);
      }
      return report.passed() ? ExitCode.OK.code() : ExitCode.VERIFY_FAILED.code();
    }
  }

  private DrillReport drill(Path file, RestoreProgress progress) {
    DrillRequest request = new DrillRequest(file, unlockKey.source(),
        Optional.ofNullable(dockerd).or(() -> context.env("SWARMSNAP_DOCKERD")).orElse("dockerd"), maxStateBytes);
    try (AgeIdentities identities = identity.identities()) {
      return new DrillService(context.clock(), new UnlockKeyReader(context.environment(), System.in, System.console()),
          identities, new LabSandboxFactory(LabWiring.settings(context)))
          .run(request, progress);
    }
  }
}
