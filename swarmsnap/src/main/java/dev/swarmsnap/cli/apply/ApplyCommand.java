package dev.swarmsnap.cli.apply;

import dev.swarmsnap.archive.ArchiveReader;
import dev.swarmsnap.archive.manifest.ManifestCodec;
import dev.swarmsnap.cli.BackupSourceOptions;
import dev.swarmsnap.cli.CliContext;
import dev.swarmsnap.cli.EngineOptions;
import dev.swarmsnap.cli.IdentityOptions;
import dev.swarmsnap.cli.JsonOutput;
import dev.swarmsnap.cli.OutputOptions;
import dev.swarmsnap.cli.TerminalProgress;
import dev.swarmsnap.cli.UnlockKeyInput;
import dev.swarmsnap.cli.UnlockKeyOptions;
import dev.swarmsnap.core.apply.ApplyExecutor;
import dev.swarmsnap.core.apply.ApplyPlan;
import dev.swarmsnap.core.apply.ApplyPlanner;
import dev.swarmsnap.core.apply.ApplyReport;
import dev.swarmsnap.core.apply.ExistingPolicy;
import dev.swarmsnap.core.apply.LiveSource;
import dev.swarmsnap.core.apply.Rotation;
import dev.swarmsnap.core.export.LogicalSources;
import dev.swarmsnap.core.inspect.InspectService;
import dev.swarmsnap.core.repository.FetchedArchive;
import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.crypto.age.AgeIdentities;
import dev.swarmsnap.engine.SwarmObjects;
import dev.swarmsnap.error.BadInputException;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.logical.ExportDocument;
import dev.swarmsnap.logical.ExportDocumentCodec;
import dev.swarmsnap.logical.LogicalSource;
import dev.swarmsnap.logical.ObjectSelector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code swarmsnap apply SOURCE}: the objects of an export document or a backup, planned against
 * the live swarm and then created or updated through the Engine API.
 */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = {
      "Creates the services, networks, secrets and configs of an export document or a backup on the live"
          + " swarm of the engine (--host), referring to each other by name. Prints the plan first"
          + " (create / update with the changed fields / unchanged / skip / conflict), then applies it in"
          + " dependency order: networks, secrets, configs, services. Running it again plans nothing.",
      "Networks the engine owns (ingress, bridge, host, docker_gwbridge) are never applied; cluster settings"
          + " that differ are reported, not changed. A secret's value cannot be read through the API, so an"
          + " existing secret counts as unchanged when its spec matches.",
      "Exit codes: 0 applied (or nothing to do), 1 a step failed (rerun to continue), 2 bad input (a reference"
          + " to a missing object, a secret without its value, an invalid name), 3 not confirmed, 9 conflict."
    },
    footer = {"", "Examples:",
        "  swarmsnap apply backup.swarmsnap --only secret/db_pass --only service/web --yes",
        "  swarmsnap apply swarm.json.age --identity key.txt --dry-run",
        "  swarmsnap apply latest --repo /mnt/backups/swarm --existing update --yes"})
public final class ApplyCommand implements Callable<Integer> {
  @Parameters(paramLabel = "SOURCE", description = "An export document (plain or age-encrypted), a swarmsnap archive,"
      + " or a swarm directory; with --repo, 'latest' or a backup ID prefix.")
  String source;

  @Option(names = "--only", paramLabel = "KIND/NAME",
      description = "Apply only these objects (secret/db_pass, service/*); repeatable.")
  List<String> only = new ArrayList<>();

  @Option(names = "--exclude", paramLabel = "KIND/NAME", description = "Leave these objects out; repeatable.")
  List<String> exclude = new ArrayList<>();

  @Option(names = "--existing", paramLabel = "POLICY", defaultValue = "fail",
      description = "An object on the target with other values: fail (refuse the plan, default), skip it,"
          + " or update it in place where the engine allows (services; labels of secrets and configs).")
  String existing;

  @Option(names = "--rotate-in-use", description = "With --existing update: a secret or config whose data"
      + " differs (the engine cannot change it in place) is created as NAME-<digest8>, the services that use it"
      + " are pointed at it, and the old one is removed once no service uses it.")
  boolean rotateInUse;

  @Option(names = "--rotate-secret", paramLabel = "NAME", description = "With --existing update: rotate this"
      + " secret to the document's value even though its spec matches (the API cannot show a secret's value"
      + " to compare); not again once the target holds that value. Repeatable.")
  List<String> rotateSecrets = new ArrayList<>();

  @Option(names = "--dry-run", description = "Print the plan and change nothing.")
  boolean dryRun;

  @Option(names = "--yes", description = "Apply without asking (required without a terminal).")
  boolean yes;

  @Mixin EngineOptions engine;
  @Mixin BackupSourceOptions backup;
  @Mixin IdentityOptions identity;
  @Mixin UnlockKeyOptions unlockKey;
  @Mixin OutputOptions output;

  private final CliContext context;

  ApplyCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    ExistingPolicy policy = policy();
    Rotation rotation = new Rotation(rotateInUse, Set.copyOf(rotateSecrets));
    if (rotation.any() && policy != ExistingPolicy.UPDATE) {
      // Rotating replaces objects on the target: only when the user also allowed changing existing ones.
      throw new BadInputException("--rotate-in-use and --rotate-secret work only with --existing update",
          "add --existing update, or leave them out");
    }
    List<ObjectSelector> onlySelectors = only.stream().map(ObjectSelector::parse).toList();
    List<ObjectSelector> excluded = exclude.stream().map(ObjectSelector::parse).toList();
    ExportDocument wanted;
    String described;
    Optional<UnlockKey> key = new UnlockKeyInput(context).read(unlockKey);
    try (AgeIdentities identities = identity.identities();
        FetchedArchive fetched = backup.fetch(context, source).orElse(null)) {
      Path path = fetched == null ? Path.of(source) : fetched.archive();
      // With secret values: apply creates a missing secret from its value.
      LogicalSource logical = new LogicalSources(new InspectService(new ArchiveReader(new ManifestCodec(), identities)),
          identities, new ExportDocumentCodec()).open(path, key, true);
      described = logical.describe();
      wanted = select(logical.read(), onlySelectors, excluded);
    } finally {
      key.ifPresent(UnlockKey::wipe);
    }
    try (SwarmObjects swarm = engine.openSwarmObjects(context)) {
      LiveSource live = new LiveSource(swarm, context.clock());
      ExportDocument target = live.read();
      ApplyPlan plan = new ApplyPlanner().plan(wanted, target, policy, rotation);
      if (!output.json()) {
        new ApplyText(context.out()).plan(plan, described, live.describe());
      }
      if (plan.refused() || dryRun || plan.empty()) {
        // A refused plan is printed too, so a script sees the conflicts and problems the error names.
        printJson(new ApplyResult(described, live.describe(), dryRun, plan, Optional.empty()));
        refuseIfRefused(plan, described, live.describe());
        if (!output.json() && plan.empty()) {
          context.out().println("Nothing to apply.");
          context.out().flush();
        }
        return ExitCode.OK.code();
      }
      confirm(plan);
      ApplyReport report = new ApplyExecutor(swarm).execute(plan, wanted, target);
      if (output.json()) {
        printJson(new ApplyResult(described, live.describe(), false, plan, Optional.of(report)));
      } else {
        new ApplyText(context.out()).report(report);
      }
      if (report.failed().isPresent()) {
        ApplyReport.Failure failure = report.failed().get();
        throw new SwarmsnapException(ExitCode.FAILED, "apply stopped at " + failure.object() + ": " + failure.reason(),
            "fix the cause and run the same apply again: what was applied plans as unchanged");
      }
      return ExitCode.OK.code();
    }
  }

  private void printJson(ApplyResult result) {
    if (output.json()) {
      new JsonOutput().print(context.out(), result);
    }
  }

  private static ExportDocument select(ExportDocument document, List<ObjectSelector> only, List<ObjectSelector> exclude) {
    for (ObjectSelector selector : only) {
      if (document.objects().stream().noneMatch(selector::matches)) {
        throw new BadInputException("--only " + selector + " matches nothing in the source",
            "check the names with 'swarmsnap export' or 'swarmsnap inspect'");
      }
    }
    return document.select(only, exclude);
  }

  private ExistingPolicy policy() {
    return switch (existing) {
      case "fail" -> ExistingPolicy.FAIL;
      case "skip" -> ExistingPolicy.SKIP;
      case "update" -> ExistingPolicy.UPDATE;
      default -> throw new BadInputException("--existing must be fail, skip or update, not '" + existing + "'",
          "see 'swarmsnap apply --help'");
    };
  }

  private static void refuseIfRefused(ApplyPlan plan, String source, String target) {
    if (!plan.problems().isEmpty()) {
      throw new BadInputException("apply refused, nothing was changed: " + String.join("; ", plan.problems()),
          "fix the source or the selection (--only, --exclude), then run again");
    }
    if (!plan.conflicts().isEmpty()) {
      throw new SwarmsnapException(ExitCode.CONFLICT, "apply refused, nothing was changed: "
          + plan.conflicts().size() + " object(s) of " + source + " exist on " + target + " with other values ("
          + String.join(", ", plan.conflicts().stream().map(s -> s.key()).toList()) + ")",
          "see the plan; choose --existing skip or --existing update, or leave them out with --exclude");
    }
  }

  private void confirm(ApplyPlan plan) {
    if (yes) {
      return;
    }
    if (!context.interactive()) {
      throw new SwarmsnapException(ExitCode.UNSAFE,
          "apply changes the live swarm and needs confirmation, but there is no terminal; nothing was changed",
          "check the plan with --dry-run, then run again with --yes");
    }
    if (!new TerminalProgress(context).ask("Apply " + plan.changes().size() + " change(s) as above?")) {
      throw new SwarmsnapException(ExitCode.UNSAFE, "apply cancelled; nothing was changed", null);
    }
  }
}
