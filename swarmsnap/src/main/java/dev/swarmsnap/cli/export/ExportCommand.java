package dev.swarmsnap.cli.export;

import dev.swarmsnap.archive.ArchiveReader;
import dev.swarmsnap.archive.manifest.ManifestCodec;
import dev.swarmsnap.cli.BackupSourceOptions;
import dev.swarmsnap.cli.CliContext;
import dev.swarmsnap.cli.EncryptionOptions;
import dev.swarmsnap.cli.EngineOptions;
import dev.swarmsnap.cli.IdentityOptions;
import dev.swarmsnap.cli.TerminalText;
import dev.swarmsnap.cli.UnlockKeyInput;
import dev.swarmsnap.cli.UnlockKeyOptions;
import dev.swarmsnap.core.export.DocumentOutput;
import dev.swarmsnap.core.export.ExportRun;
import dev.swarmsnap.core.export.LogicalSources;
import dev.swarmsnap.core.export.SecretValueRule;
import dev.swarmsnap.core.inspect.InspectService;
import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.crypto.age.AgeIdentities;
import dev.swarmsnap.crypto.age.AgeRecipients;
import dev.swarmsnap.durable.AtomicFileWriter;
import dev.swarmsnap.error.BadInputException;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.logical.ExportDocumentCodec;
import dev.swarmsnap.logical.ObjectKind;
import dev.swarmsnap.logical.ObjectSelector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code swarmsnap export SOURCE}: the swarm's objects as one self-contained JSON document. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the services, networks, configs and secrets of a backup or swarm directory, and the cluster"
          + " settings worth carrying, as one versioned JSON document (docs/export-format.md), references by name.",
      "Secret values only with --with-secret-values, and then only encrypted (--encrypt-to) or with --plaintext-ok."
    },
    footer = {"", "Examples:", "  swarmsnap export backup.swarmsnap -o swarm.json",
        "  swarmsnap export latest --repo s3://backups/swarm --only service/web --only secret/db_pass",
        "  swarmsnap export /var/lib/docker/swarm --with-secret-values --encrypt-to age1... -o swarm.json.age"})
public final class ExportCommand implements Callable<Integer> {
  @Parameters(paramLabel = "SOURCE", arity = "0..1", description = "A .swarmsnap archive or a swarm directory; with --repo,"
      + " 'latest' or a backup ID prefix.")
  String source;

  @Option(names = "--live", description = "Export the live swarm of the engine (--host) instead of SOURCE"
      + " (secret values cannot be read through the API).")
  boolean live;

  @Mixin EngineOptions engine;

  @Option(names = "--only", paramLabel = "KIND/NAME", description = "Export only these objects (kind/name or kind/*;"
      + " kinds: network, secret, config, service). Repeatable. Leaves the cluster settings out.")
  List<String> only = List.of();

  @Option(names = "--exclude", paramLabel = "KIND/NAME", description = "Leave these objects out. Repeatable.")
  List<String> exclude = List.of();

  @Option(names = "--with-secret-values", description = "Include secret values (needs --encrypt-to or --plaintext-ok).")
  boolean withSecretValues;

  @Option(names = "--plaintext-ok", description = "Allow secret values in a plain file (mode 0600) or on stdout.")
  boolean plaintextOk;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE (mode 0600, never over an"
      + " existing file) instead of stdout.")
  Path output;

  @Mixin BackupSourceOptions repository;
  @Mixin UnlockKeyOptions unlockKey;
  @Mixin IdentityOptions identity;
  @Mixin EncryptionOptions encryption;

  private final CliContext context;

  ExportCommand(CliContext context) {
    this.context = context;
  }

  private String sourceRef() {
    if (live == (source != null)) {
      throw new BadInputException("export needs a SOURCE or --live, not both and not neither",
          "for example: swarmsnap export backup.swarmsnap -o swarm.json, or swarmsnap export --live");
    }
    return live ? SourceArguments.LIVE : source;
  }

  @Override
  public Integer call() {
    List<ObjectSelector> onlySelectors = only.stream().map(ObjectSelector::parse).toList();
    List<ObjectSelector> excludeSelectors = exclude.stream().map(ObjectSelector::parse).toList();
    Optional<AgeRecipients> recipients = encryption.recipients();
    boolean plainValues = new SecretValueRule().check(withSecretValues, recipients.isPresent(), plaintextOk);
    if (plainValues) {
      context.err().println("swarmsnap: warning: the export holds secret values in plaintext"
          + (output == null ? " (on stdout)" : " (file mode 0600)"));
      context.err().flush();
    }
    Optional<UnlockKey> key = new UnlockKeyInput(context).read(unlockKey);
    ExportRun.Summary summary;
    try (AgeIdentities identities = identity.identities();
        SourceArguments sources = new SourceArguments(context, repository, engine, new LogicalSources(
            new InspectService(new ArchiveReader(new ManifestCodec(), identities)), identities, new ExportDocumentCodec()))) {
      summary = new ExportRun(new ExportDocumentCodec(), new DocumentOutput(new AtomicFileWriter())).run(
          sources.open(sourceRef(), key, withSecretValues),
          new ExportRun.Request(onlySelectors, excludeSelectors, withSecretValues, Optional.ofNullable(output), recipients),
          bytes -> {
            context.out().print(new String(bytes, StandardCharsets.UTF_8));
            context.out().flush();
          });
    } finally {
      key.ifPresent(UnlockKey::wipe);
    }
    if (output != null) {
      context.err().println("swarmsnap: exported " + summary.counts().get(ObjectKind.NETWORK) + " networks, "
          + summary.counts().get(ObjectKind.SECRET) + " secrets, " + summary.counts().get(ObjectKind.CONFIG) + " configs, "
          + summary.counts().get(ObjectKind.SERVICE) + " services" + (summary.clusterIncluded() ? " and the cluster settings" : "")
          + (summary.secretValues() > 0 ? " (" + summary.secretValues() + " secret values)" : "") + " to " + TerminalText.escape(output.toString()));
      context.err().flush();
    }
    return ExitCode.OK.code();
  }
}
