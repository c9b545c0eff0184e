package dev.swarmsnap.cli.repo;

import dev.swarmsnap.cli.CliContext;
import dev.swarmsnap.cli.JsonOutput;
import dev.swarmsnap.cli.OutputOptions;
import dev.swarmsnap.cli.S3Options;
import dev.swarmsnap.core.repository.BackupCatalog;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.repository.BackupIndex;
import dev.swarmsnap.repository.BackupRepository;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code swarmsnap list}: the backups in a repository, newest first, from their index records alone. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "Lists the backups in a repository, newest first, without downloading any archive.",
    footer = {"", "Examples:", "  swarmsnap list --repo /mnt/backups/swarm",
        "  swarmsnap list --repo s3://backups/prod --cluster 4x7k --json"})
public final class ListCommand implements Callable<Integer> {
  @Option(names = "--repo", paramLabel = "REPO", required = true,
      description = "Backup repository: a directory (/path or file:///path) or an S3 bucket (s3://bucket/prefix).")
  String repo;

  @Option(names = "--cluster", paramLabel = "ID", description = "Only backups of this cluster (ID or prefix).")
  String cluster;

  @Mixin S3Options s3;
  @Mixin OutputOptions output;

  private final CliContext context;

  ListCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    List<BackupIndex> backups;
    try (BackupRepository repository = s3.open(context, repo)) {
      backups = new BackupCatalog().newestFirst(repository.list(), Optional.ofNullable(cluster));
    }
    if (output.json()) {
      new JsonOutput().print(context.out(), backups);
    } else {
      new ListText(context.out()).print(backups);
    }
    return ExitCode.OK.code();
  }
}
