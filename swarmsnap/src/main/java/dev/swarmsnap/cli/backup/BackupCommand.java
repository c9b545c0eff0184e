package dev.swarmsnap.cli.backup;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.swarmsnap.cli.CliContext;
import dev.swarmsnap.cli.EncryptionOptions;
import dev.swarmsnap.cli.EngineControlOptions;
import dev.swarmsnap.cli.EngineOptions;
import dev.swarmsnap.cli.JsonOutput;
import dev.swarmsnap.cli.MaxDowntimeOptions;
import dev.swarmsnap.cli.OutputOptions;
import dev.swarmsnap.cli.RepositoryOptions;
import dev.swarmsnap.cli.RunDirectory;
import dev.swarmsnap.cli.UnlockKeyOptions;
import dev.swarmsnap.cli.VersionProvider;
import dev.swarmsnap.core.automation.AutomatedBackup;
import dev.swarmsnap.core.automation.HookEnvironment;
import dev.swarmsnap.core.automation.HookRunner;
import dev.swarmsnap.core.automation.RunOutcome;
import dev.swarmsnap.core.automation.RunResult;
import dev.swarmsnap.core.backup.BackupOptions;
import dev.swarmsnap.core.backup.BackupReport;
import dev.swarmsnap.core.backup.BackupRequest;
import dev.swarmsnap.core.backup.BackupService;
import dev.swarmsnap.core.backup.OwnPriority;
import dev.swarmsnap.core.backup.StoredOnlyLocallyException;
import dev.swarmsnap.core.keys.UnlockKeyReader;
import dev.swarmsnap.core.keys.UnlockKeySource;
import dev.swarmsnap.core.schedule.Designation;
import dev.swarmsnap.core.schedule.ScheduledTurn;
import dev.swarmsnap.crypto.age.AgeRecipients;
import dev.swarmsnap.durable.AtomicFileWriter;
import dev.swarmsnap.core.repository.BackupUpload;
import dev.swarmsnap.core.repository.UploadOutcome;
import dev.swarmsnap.error.BadInputException;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.repository.BackupRepository;
import dev.swarmsnap.repository.NewerLayoutException;
import dev.swarmsnap.repository.RepositoryException;
import dev.swarmsnap.engine.EngineClient;
import dev.swarmsnap.engine.process.EngineControlSelector;
import dev.swarmsnap.metrics.PrometheusTextFile;
import dev.swarmsnap.shell.ShellCommand;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code swarmsnap backup}: a backup of this manager's swarm state, cold or ({@code --hot}) live, done right. */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = {
      "Backs up this manager's swarm state: checks it is safe, stops the engine only while the real"
          + " data is copied (a watchdog restarts it whatever happens), unlocks it again when autolocked,"
          + " verifies the copy, and writes one archive (mode 0600). With --hot nothing stops: the state is"
          + " copied while the engine runs, in a safe order, and checked before the archive is accepted.",
    },
    footer = {
      "",
      "Examples:",
      "  swarmsnap backup --output /var/backups/swarm/",
      "  swarmsnap backup --output /backups --unlock-key-cmd 'pass show swarm/prod' --json",
      "  swarmsnap backup --accept-outage        # single-manager swarm, no terminal",
      "  swarmsnap backup --hot --output /var/backups/swarm/   # no outage, on any manager",
      "  swarmsnap backup --output /backups --encrypt-to age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p",
      "  swarmsnap backup --scheduled --output /backups --metrics-file /var/lib/node_exporter/swarmsnap.prom",
      "  swarmsnap backup --output /var/backups/swarm --repo s3://backups/prod --remove-local"
    })
public final class BackupCommand implements Callable<Integer> {
  @Mixin EngineOptions engine;
  @Mixin EngineControlOptions control;
  @Mixin UnlockKeyOptions unlockKey;
  @Mixin OutputOptions output;
  @Mixin EncryptionOptions encryption;
  @Mixin BackupAutomationOptions automation;
  @Mixin RepositoryOptions repository;
  @Mixin MaxDowntimeOptions downtime;

  @Option(names = "--remove-local",
      description = "With --repo: remove the local archive once it is stored in the repository (kept if storing fails).")
  boolean removeLocal;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR|FILE", defaultValue = ".",
      description = "A directory (the archive gets its standard name there) or the archive file (default: .).")
  Path target;

  @Option(names = "--swarm-dir", paramLabel = "DIR",
      description = "The swarm directory (default: $SWARMSNAP_SWARM_DIR, else <engine data-root>/swarm).")
  Path swarmDir;

  @Option(names = "--hot",
      description = "Copy while the engine keeps running: no stop, no election, safe on the leader or any manager."
          + " Keys, raft snapshot and WAL are copied in that order and the copy is taken again if the engine wrote"
          + " a snapshot, a WAL segment or a key meanwhile.")
  boolean hot;

  @Option(names = "--priority", paramLabel = "low|normal",
      description = "CPU and I/O priority of this backup (default: low with --hot, so the running engine's API"
          + " stays fast; normal otherwise, when the engine is stopped anyway). low is nice 19 and best-effort"
          + " I/O level 7, for this process only.")
  OwnPriority.Level priority;

  @Option(names = "--allow-leader", description = "Back up the leader even though followers exist (forces an election).")
  boolean allowLeader;

  @Option(names = "--accept-outage",
      description = "Go ahead although the swarm's management API is down during the backup"
          + " (single manager, or quorum lost while this node is stopped).")
  boolean acceptOutage;

  private final CliContext context;

  BackupCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    var recipients = encryption.recipients();
    if (removeLocal && repository.location().isEmpty()) {
      throw new BadInputException("--remove-local needs --repo: without a repository the local archive is the backup",
          "add --repo REPO or drop --remove-local");
    }
    // Opened (and so parsed) before the backup, so a mistyped --repo costs no engine downtime.
    Optional<BackupRepository> repo = repository.open(context);
    try (EngineClient client = engine.open(context)) {
      repo.ifPresent(this::refuseNewerLayout);
      RunOutcome outcome = new AutomatedBackup(context.clock(), new HookRunner(new ShellCommand()),
              new HookEnvironment(context.environment(), secretVariables()), new PrometheusTextFile(new AtomicFileWriter()))
          .run(automation.settings(), turn(client), () -> backUp(client, recipients, repo), context.err()::println);
      if (outcome.result() == RunResult.SKIPPED && output.json()) {
        new JsonOutput().print(context.out(), new SkippedRun(outcome.result().label(), outcome.message().orElse("")));
      }
    } finally {
      repo.ifPresent(BackupRepository::close);
    }
    return 0;
  }

  /** A scheduled run that another manager takes, as {@code --json} prints it. */
  record SkippedRun(String result, String reason) {}

  private Optional<Supplier<Designation>> turn(EngineClient client) {
    if (!automation.scheduled()) {
      return Optional.empty();
    }
    return Optional.of(() -> new ScheduledTurn(ScheduledTurn.Pause.SLEEP)
        .decide(client, automation.takeoverDelay(), hot, context.err()::println));
  }

  private Set<String> secretVariables() {
    return unlockKey.source()
        .filter(UnlockKeySource.Env.class::isInstance)
        .map(source -> Set.of(((UnlockKeySource.Env) source).name()))
        .orElse(Set.of());
  }

  private BackupReport backUp(EngineClient client, Optional<AgeRecipients> recipients, Optional<BackupRepository> repo) {
    BackupRequest request = new BackupRequest(
        target,
        Optional.ofNullable(swarmDir).or(() -> context.env("SWARMSNAP_SWARM_DIR").map(Path::of)),
        new BackupOptions(allowLeader, acceptOutage, context.interactive(), downtime.maxDowntime(), hot),
        unlockKey.source(),
        RunDirectory.of(context),
        VersionProvider.version());
    EngineControlSelector.Selected selected = new EngineControlSelector().select(control.request(context));
    BackupProgress progress = new BackupProgress(context);
    boolean lowered = new OwnPriority(new ShellCommand()).apply(priority(), line -> {
      context.err().println(line);
      context.err().flush();
    });
    if (lowered) {
      progress.step("running at low priority (nice 19, best-effort I/O 7), so the engine goes first");
    }
    progress.step("engine control: " + selected.why());
    BackupReport report = new BackupService(
            context.clock(), new UnlockKeyReader(context.environment(), System.in, System.console()), recipients)
        .run(request, client, selected.control(), progress);
    Optional<UploadOutcome> upload = repo.map(r -> {
      progress.step("storing the archive in " + r.describe());
      UploadOutcome outcome = new BackupUpload().upload(r, report, VersionProvider.version(), removeLocal, progress::progress);
      progress.step(outcome.stored() ? "stored as backup " + outcome.id().substring(0, 12) : "storing failed");
      return outcome;
    });
    if (output.json()) {
      new JsonOutput().print(context.out(), new BackupJson(report, upload));
    } else {
      new BackupText(context.out()).print(report);
      upload.ifPresent(u -> new BackupText(context.out()).print(u));
    }
    upload.filter(u -> !u.stored()).ifPresent(u -> {
      throw new StoredOnlyLocallyException(report, "partial: the backup was written, but storing it in "
          + u.repository() + " failed: " + u.error().orElse("unknown error"), u.hint().orElse(null));
    });
    return report;
  }

  /** As asked, else low for a hot backup (its CPU competes with the running engine) and normal for a cold one. */
  OwnPriority.Level priority() {
    return priority != null ? priority : hot ? OwnPriority.Level.LOW : OwnPriority.Level.NORMAL;
  }

  /**
   * A repository this build cannot write to is refused before the engine stops. An unreachable one
   * is not: the backup is still worth taking, and is kept locally (exit code partial).
   */
  private void refuseNewerLayout(BackupRepository repo) {
    try {
      repo.config();
    } catch (NewerLayoutException e) {
      throw e;
    } catch (RepositoryException e) {
      context.err().println("swarmsnap: warning: " + e.getMessage() + "; backing up anyway, the archive is kept locally");
      context.err().flush();
    }
  }

  /** The JSON document of a backup: the report's fields, plus where the archive was stored. */
  record BackupJson(@JsonUnwrapped BackupReport backup, Optional<UploadOutcome> repository) {}
}
