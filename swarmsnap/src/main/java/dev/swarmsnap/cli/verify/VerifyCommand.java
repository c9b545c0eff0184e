package dev.swarmsnap.cli.verify;

import dev.swarmsnap.archive.ArchiveReader;
import dev.swarmsnap.cli.BackupSourceOptions;
import dev.swarmsnap.cli.CliContext;
import dev.swarmsnap.cli.IdentityOptions;
import dev.swarmsnap.cli.JsonOutput;
import dev.swarmsnap.cli.OutputOptions;
import dev.swarmsnap.cli.UnlockKeyInput;
import dev.swarmsnap.cli.UnlockKeyOptions;
import dev.swarmsnap.archive.manifest.ManifestCodec;
import dev.swarmsnap.core.repository.FetchedArchive;
import dev.swarmsnap.core.verify.Verification;
import dev.swarmsnap.core.verify.VerifyService;
import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.crypto.age.AgeIdentities;
import dev.swarmsnap.error.ExitCode;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code swarmsnap verify PATH}: every check on a swarm directory or backup, OK / WARN / FAIL. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a swarm directory or a swarmsnap archive offline and reports every check as OK, WARN"
          + " or FAIL with a reason: archive hashes, snapshot and WAL CRCs, the WAL's snapshot record,"
          + " log continuity, keys, the store, certificates, and the store against the backup's API snapshot.",
      "Exits 0 when no check failed, 4 when one did."
    },
    footer = {"", "Examples:", "  swarmsnap verify backup.swarmsnap --unlock-key-env SWARM_KEY",
        "  swarmsnap verify /var/lib/docker/swarm --json",
        "  swarmsnap verify latest --repo /mnt/backups/swarm"})
public final class VerifyCommand implements Callable<Integer> {
  @Parameters(paramLabel = "PATH", description = "A swarm directory (or a Docker data root) or a .swarmsnap archive;"
      + " with --repo, 'latest' or a backup ID prefix.")
  Path path;

  @Mixin BackupSourceOptions source;
  @Mixin UnlockKeyOptions unlockKey;
  @Mixin OutputOptions output;
  @Mixin IdentityOptions identity;

  private final CliContext context;

  VerifyCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Optional<UnlockKey> key = new UnlockKeyInput(context).read(unlockKey);
    Verification result;
    try (AgeIdentities identities = identity.identities();
        FetchedArchive fetched = source.fetch(context, path.toString()).orElse(null)) {
      Path target = fetched == null ? path : fetched.archive();
      result = new VerifyService(new ArchiveReader(new ManifestCodec(), identities), context.clock()).verify(target, key);
    } finally {
      key.ifPresent(UnlockKey::wipe);
    }
    if (output.json()) {
      new JsonOutput().print(context.out(), result);
    } else {
      new VerifyText(context.out()).print(result);
    }
    return result.failed() ? ExitCode.VERIFY_FAILED.code() : ExitCode.OK.code();
  }
}
