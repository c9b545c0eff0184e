package dev.swarmsnap.cli.repo;

import dev.swarmsnap.archive.ArchiveReader;
import dev.swarmsnap.cli.BackupSourceOptions;
import dev.swarmsnap.cli.CliContext;
import dev.swarmsnap.cli.JsonOutput;
import dev.swarmsnap.cli.OutputOptions;
import dev.swarmsnap.cli.S3Options;
import dev.swarmsnap.archive.manifest.ManifestCodec;
import dev.swarmsnap.core.repository.CopyReport;
import dev.swarmsnap.core.repository.CopyService;
import dev.swarmsnap.error.BadInputException;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.repository.BackupRepository;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code swarmsnap copy}: backups from one repository (or a local archive) into another. */
@Command(
    name = "copy",
    mixinStandardHelpOptions = true,
    description = {
      "Copies backups from one repository to another (local <-> S3, S3 <-> S3), or stores a local archive"
          + " (for example one whose upload failed after 'backup --repo') in a repository.",
      "Each archive is checked against its SHA-256 and becomes visible in the target only when complete;"
          + " backups the target already holds are skipped, so a copy can be rerun."
    },
    footer = {"", "Examples:", "  swarmsnap copy --from /mnt/backups/swarm --to s3://offsite/swarm --all",
        "  swarmsnap copy --from s3://backups/prod --to /mnt/restore-test latest",
        "  swarmsnap copy --archive ./swarm-4x7k-mgr2-20261125T164529Z.swarmsnap --to s3://backups/prod"})
public final class CopyCommand implements Callable<Integer> {
  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  static final class Source {
    @Option(names = "--from", paramLabel = "REPO", description = "The repository to copy from.")
    String from;

    @Option(names = "--archive", paramLabel = "FILE", description = "A local .swarmsnap archive to store.")
    Path archive;
  }

  @Option(names = "--to", paramLabel = "REPO", required = true, description = "The repository to copy to.")
  String to;

  @Parameters(paramLabel = "ID", arity = "0..*", description = "Backups to copy: 'latest' or ID prefixes.")
  List<String> ids = List.of();

  @Option(names = "--all", description = "Copy every backup (of --cluster, if given).")
  boolean all;

  @Option(names = "--cluster", paramLabel = "ID", description = "With --all or 'latest': only backups of this cluster.")
  String cluster;

  @Mixin S3Options s3;
  @Mixin OutputOptions output;

  private final CliContext context;

  CopyCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    CopyService service = new CopyService(BackupSourceOptions.temporaryRoot(context));
    CopyReport report;
    if (source.archive != null) {
      if (all || !ids.isEmpty()) {
        throw new BadInputException("--archive stores one file; IDs and --all go with --from", "drop them");
      }
      try (BackupRepository target = s3.open(context, to)) {
        report = service.storeArchive(source.archive, target, new ArchiveReader(new ManifestCodec()));
      }
    } else {
      if (all == !ids.isEmpty()) {
        throw new BadInputException(all ? "--all and backup IDs exclude each other" : "nothing to copy",
            "name the backups ('latest' or ID prefixes) or give --all");
      }
      try (BackupRepository from = s3.open(context, source.from); BackupRepository target = s3.open(context, to)) {
        report = service.copy(from, target, ids, Optional.ofNullable(cluster), id -> {
          if (!output.json()) {
            context.err().println("swarmsnap: copied " + id.substring(0, 12));
            context.err().flush();
          }
        });
      }
    }
    if (output.json()) {
      new JsonOutput().print(context.out(), report);
    } else {
      context.out().println("Copied " + report.copied().size() + " backup(s) from " + report.from() + " to " + report.to()
          + (report.skipped().isEmpty() ? "" : "; " + report.skipped().size() + " already there"));
      context.out().flush();
    }
    return ExitCode.OK.code();
  }
}
