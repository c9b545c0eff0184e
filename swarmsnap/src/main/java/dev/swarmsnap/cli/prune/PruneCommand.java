package dev.swarmsnap.cli.prune;

import dev.swarmsnap.cli.CliContext;
import dev.swarmsnap.cli.JsonOutput;
import dev.swarmsnap.cli.OutputOptions;
import dev.swarmsnap.cli.S3Options;
import dev.swarmsnap.core.repository.PruneReport;
import dev.swarmsnap.core.repository.PruneRequest;
import dev.swarmsnap.core.repository.PruneService;
import dev.swarmsnap.core.retention.RetentionPeriod;
import dev.swarmsnap.core.retention.RetentionPolicy;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.repository.BackupRepository;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code swarmsnap prune}: removes the backups a retention policy does not keep. */
@Command(
    name = "prune",
    mixinStandardHelpOptions = true,
    description = {
      "Removes backups from a repository by a retention policy, with restic's semantics: each --keep-<period> N"
          + " keeps the newest backup of each of the newest N periods that have one (UTC hours, days, ISO weeks,"
          + " months, years); --keep-last N the N newest; --keep-within D every backup within D of the newest."
          + " A backup kept by any rule stays.",
      "Each cluster's backups are judged on their own, and a cluster never loses its last backup whose verify"
          + " passed. --dry-run shows what would be kept (and why) and removed."
    },
    footer = {"", "Examples:", "  swarmsnap prune --repo s3://backups/prod --keep-daily 7 --keep-weekly 4 --keep-monthly 12 --dry-run",
        "  swarmsnap prune --repo /mnt/backups/swarm --keep-last 3 --keep-within 2d --json"})
public final class PruneCommand implements Callable<Integer> {
  @Option(names = "--repo", paramLabel = "REPO", required = true,
      description = "Backup repository: a directory (/path or file:///path) or an S3 bucket (s3://bucket/prefix).")
  String repo;

  @Option(names = "--keep-last", paramLabel = "N", description = "Keep the N newest backups.")
  int last;

  @Option(names = "--keep-hourly", paramLabel = "N", description = "Keep the newest backup of each of the last N hours with one.")
  int hourly;

  @Option(names = "--keep-daily", paramLabel = "N", description = "Keep the newest backup of each of the last N days with one.")
  int daily;

  @Option(names = "--keep-weekly", paramLabel = "N", description = "Keep the newest backup of each of the last N ISO weeks with one.")
  int weekly;

  @Option(names = "--keep-monthly", paramLabel = "N", description = "Keep the newest backup of each of the last N months with one.")
  int monthly;

  @Option(names = "--keep-yearly", paramLabel = "N", description = "Keep the newest backup of each of the last N years with one.")
  int yearly;

  @Option(names = "--keep-within", paramLabel = "DURATION",
      description = "Keep every backup taken within DURATION (e.g. 2d, 36h, 1y6m) of the newest backup.")
  String within;

  @Option(names = "--cluster", paramLabel = "ID", description = "Only prune backups of this cluster (ID or prefix).")
  String cluster;

  @Option(names = "--dry-run", description = "Show what would be kept and removed, and why; remove nothing.")
  boolean dryRun;

  @Mixin S3Options s3;
  @Mixin OutputOptions output;

  private final CliContext context;

  PruneCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    for (int count : new int[] {last, hourly, daily, weekly, monthly, yearly}) {
      if (count < 0) {
        throw new dev.swarmsnap.error.BadInputException("--keep-* counts must not be negative", "give 0 or more");
      }
    }
    RetentionPolicy policy = new RetentionPolicy(last, hourly, daily, weekly, monthly, yearly,
        Optional.ofNullable(within).map(RetentionPeriod::parse));
    PruneReport report;
    try (BackupRepository repository = s3.open(context, repo)) {
      report = new PruneService(context.clock()).run(repository,
          new PruneRequest(policy, Optional.ofNullable(cluster), dryRun), id -> {});
    }
    if (output.json()) {
      new JsonOutput().print(context.out(), report);
    } else {
      new PruneText(context.out()).print(report);
    }
    return ExitCode.OK.code();
  }
}
