package dev.swarmsnap.cli.inspect;

import dev.swarmsnap.archive.ArchiveReader;
import dev.swarmsnap.cli.BackupSourceOptions;
import dev.swarmsnap.cli.CliContext;
import dev.swarmsnap.cli.IdentityOptions;
import dev.swarmsnap.cli.JsonOutput;
import dev.swarmsnap.cli.OutputOptions;
import dev.swarmsnap.cli.UnlockKeyInput;
import dev.swarmsnap.cli.UnlockKeyOptions;
import dev.swarmsnap.core.inspect.InspectService;
import dev.swarmsnap.core.inspect.Inspection;
import dev.swarmsnap.core.repository.FetchedArchive;
import dev.swarmsnap.archive.manifest.ManifestCodec;
import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.crypto.age.AgeIdentities;
import dev.swarmsnap.error.ExitCode;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code swarmsnap inspect PATH}: what a swarm directory or backup holds, read offline. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = {
      "Shows the swarm state in a swarm directory or a swarmsnap archive, read offline (no engine"
          + " needed; an archive is streamed, not extracted).",
      "Keys, tokens and the CA key are never shown; secret values only with --reveal-secrets."
    },
    footer = {"", "Examples:", "  swarmsnap inspect /var/lib/docker/swarm",
        "  swarmsnap inspect backup.swarmsnap --unlock-key-file key.txt --json",
        "  swarmsnap inspect latest --repo s3://backups/swarm"})
public final class InspectCommand implements Callable<Integer> {
  @Parameters(paramLabel = "PATH", description = "A swarm directory (or a Docker data root) or a .swarmsnap archive;"
      + " with --repo, 'latest' or a backup ID prefix.")
  Path path;

  @Mixin BackupSourceOptions source;
  @Mixin UnlockKeyOptions unlockKey;
  @Mixin OutputOptions output;
  @Mixin IdentityOptions identity;

  @Option(names = "--reveal-secrets", description = "Include secret values (needs the unlock key when autolocked).")
  boolean revealSecrets;

  private final CliContext context;

  InspectCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (revealSecrets) {
      context.err().println("swarmsnap: warning: --reveal-secrets prints secret values in clear text");
      context.err().flush();
    }
    Optional<UnlockKey> key = new UnlockKeyInput(context).read(unlockKey);
    Inspection inspection;
    try (AgeIdentities identities = identity.identities();
        FetchedArchive fetched = source.fetch(context, path.toString()).orElse(null)) {
      Path target = fetched == null ? path : fetched.archive();
      inspection = new InspectService(new ArchiveReader(new ManifestCodec(), identities)).inspect(target, key, revealSecrets);
    } finally {
      key.ifPresent(UnlockKey::wipe);
    }
    if (output.json()) {
      new JsonOutput().print(context.out(), InspectJson.of(inspection));
    } else {
      new InspectText(context.out(), context.clock()).print(inspection);
    }
    return ExitCode.OK.code();
  }
}
