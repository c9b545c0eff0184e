package dev.swarmsnap.cli;

import dev.swarmsnap.repository.BackupRepository;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --repo} and the S3 options: the backup repository a command stores to or reads from. */
public final class RepositoryOptions {
  @Option(names = "--repo", paramLabel = "REPO",
      description = "Backup repository: a directory (/path or file:///path) or an S3 bucket (s3://bucket/prefix).")
  String repo;

  @Mixin S3Options s3;

  public Optional<String> location() {
    return Optional.ofNullable(repo).filter(r -> !r.isBlank());
  }

  /** The repository, if {@code --repo} was given. */
  public Optional<BackupRepository> open(CliContext context) {
    return location().map(r -> s3.open(context, r));
  }
}
