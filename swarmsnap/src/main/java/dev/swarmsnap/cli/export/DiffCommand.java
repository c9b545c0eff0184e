package dev.swarmsnap.cli.export;

import dev.swarmsnap.archive.ArchiveReader;
import dev.swarmsnap.archive.manifest.ManifestCodec;
import dev.swarmsnap.cli.BackupSourceOptions;
import dev.swarmsnap.cli.CliContext;
import dev.swarmsnap.cli.EngineOptions;
import dev.swarmsnap.cli.IdentityOptions;
import dev.swarmsnap.cli.JsonOutput;
import dev.swarmsnap.cli.OutputOptions;
import dev.swarmsnap.cli.UnlockKeyInput;
import dev.swarmsnap.cli.UnlockKeyOptions;
import dev.swarmsnap.core.export.LogicalSources;
import dev.swarmsnap.core.inspect.InspectService;
import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.crypto.age.AgeIdentities;
import dev.swarmsnap.error.BadInputException;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.logical.DocumentDiff;
import dev.swarmsnap.logical.ExportDocument;
import dev.swarmsnap.logical.ExportDocumentCodec;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code swarmsnap diff A B}: which objects were added, removed or changed from A to B. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Compares the services, networks, configs, secrets and cluster settings of two sources, each a .swarmsnap"
          + " archive, a swarm directory or an export document: objects added, removed and changed, with the"
          + " changed fields as JSON paths. Secret values are compared by digest only and never printed.",
      "Exit status: 0 equal, 1 different, 12 the comparison failed, other codes as every command (see README)."
    },
    footer = {"", "Examples:", "  swarmsnap diff last-night.swarmsnap /var/lib/docker/swarm",
        "  swarmsnap diff old.json new.json --json", "  swarmsnap diff last-night.swarmsnap --live"})
public final class DiffCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "A", description = "The older side: archive, swarm directory or export document;"
      + " with --repo also 'latest' or a backup ID prefix.")
  String a;

  @Parameters(index = "1", arity = "0..1", paramLabel = "B", description = "The newer side, as A.")
  String b;

  @Option(names = "--live", description = "Compare A with the live swarm of the engine (--host) instead of B.")
  boolean live;

  @Mixin EngineOptions engine;

  @Mixin BackupSourceOptions repository;
  @Mixin UnlockKeyOptions unlockKey;
  @Mixin IdentityOptions identity;
  @Mixin OutputOptions output;

  private final CliContext context;

  DiffCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    DocumentDiff.Changes changes;
    try {
      changes = compare();
    } catch (SwarmsnapException e) {
      // Exit 1 means "different" here, so a failure that other commands exit 1 for needs its own code.
      throw e.exitCode() == ExitCode.FAILED
          ? new SwarmsnapException(ExitCode.COMPARE_FAILED, e.getMessage(), e.hint().orElse(null), e) : e;
    }
    if (output.json()) {
      new JsonOutput().print(context.out(), DiffJson.of(changes));
    } else {
      new DiffText(context.out()).print(changes);
    }
    return changes.none() ? ExitCode.OK.code() : ExitCode.FAILED.code();
  }

  private String newerSide() {
    if (live == (b != null)) {
      throw new BadInputException("diff needs a second source B or --live, not both and not neither",
          "for example: swarmsnap diff backup.swarmsnap --live");
    }
    return live ? SourceArguments.LIVE : b;
  }

  private DocumentDiff.Changes compare() {
    Optional<UnlockKey> key = new UnlockKeyInput(context).read(unlockKey);
    try (AgeIdentities identities = identity.identities();
        SourceArguments sources = new SourceArguments(context, repository, engine, new LogicalSources(
            new InspectService(new ArchiveReader(new ManifestCodec(), identities)), identities, new ExportDocumentCodec()))) {
      ExportDocument older = sources.open(a, key, false).read();
      ExportDocument newer = sources.open(newerSide(), key, false).read();
      return new DocumentDiff().compare(older, newer);
    } finally {
      key.ifPresent(UnlockKey::wipe);
    }
  }
}
