package dev.swarmsnap.core.automation;

import dev.swarmsnap.core.backup.BackupReport;
import dev.swarmsnap.core.backup.StoredOnlyLocallyException;
import dev.swarmsnap.core.schedule.Designation;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.metrics.PreviousMetrics;
import dev.swarmsnap.metrics.PrometheusTextFile;
import dev.swarmsnap.shell.ShellCommand;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One unattended backup in order: the scheduled-run check (is this manager designated?), the pre
 * hook, the backup, the metrics file, the post hook. The backup's own failure stays what the caller
 * sees (same exception, same exit code); metrics and the post hook run whatever happened.
 */
public final class AutomatedBackup {
  private final Clock clock;
  private final HookRunner hooks;
  private final HookEnvironment environment;
  private final PrometheusTextFile metricsFile;
  private final BackupMetrics metrics = new BackupMetrics();
  private final PreviousMetrics previous = new PreviousMetrics();

  public AutomatedBackup(Clock clock, HookRunner hooks, HookEnvironment environment, PrometheusTextFile metricsFile) {
    this.clock = clock;
    this.hooks = hooks;
    this.environment = environment;
    this.metricsFile = metricsFile;
  }

  /**
   * @param turn for a scheduled run, asks the cluster who takes it; empty for a plain backup
   * @param backup takes the backup (and prints its result)
   * @param log one line each for the designation, hook output and warnings
   * @return the outcome; a run that did not succeed throws the backup's (or pre hook's) exception
   *     after metrics and post hook are done
   */
  public RunOutcome run(
      AutomationSettings settings,
      Optional<Supplier<Designation>> turn,
      Supplier<BackupReport> backup,
      Consumer<String> log) {
    Instant started = clock.instant();
    RunOutcome outcome;
    RuntimeException failure = null;
    try {
      Optional<Designation> designation = turn.map(Supplier::get);
      if (designation.isPresent() && !designation.get().self()) {
        log.accept("scheduled backup skipped here: " + designation.get().reason());
        outcome = new RunOutcome(RunResult.SKIPPED, ExitCode.OK, started, clock.instant(), Optional.empty(),
            Optional.of(designation.get().reason()));
      } else {
        designation.ifPresent(d -> log.accept("scheduled backup: " + d.reason()));
        settings.preHook().ifPresent(hook -> runPreHook(hook, settings.metricsFile(), log));
        BackupReport report = backup.get();
        outcome = new RunOutcome(RunResult.SUCCESS, ExitCode.OK, started, clock.instant(), Optional.of(report),
            Optional.empty());
      }
    } catch (SwarmsnapException e) {
      failure = e;
      Optional<BackupReport> written = e instanceof StoredOnlyLocallyException partial
          ? Optional.of(partial.report()) : Optional.empty();
      outcome = new RunOutcome(RunResult.of(e.exitCode()), e.exitCode(), started, clock.instant(), written,
          Optional.of(e.getMessage()));
    } catch (RuntimeException e) {
      failure = e;
      outcome = new RunOutcome(RunResult.FAILED, ExitCode.FAILED, started, clock.instant(), Optional.empty(),
          Optional.of(String.valueOf(e.getMessage())));
    }
    RuntimeException after = finish(settings, outcome, log);
    if (failure != null) {
      if (after != null) {
        log.accept("warning: " + after.getMessage());
      }
      throw failure;
    }
    if (after != null) {
      throw after;
    }
    return outcome;
  }

  /** Metrics, then the post hook; returns what went wrong with them, if anything. */
  private RuntimeException finish(AutomationSettings settings, RunOutcome outcome, Consumer<String> log) {
    RuntimeException problem = null;
    if (settings.metricsFile().isPresent()) {
      Path file = settings.metricsFile().get();
      try {
        metricsFile.write(file, metrics.of(outcome, previous.value(file, BackupMetrics.LAST_SUCCESS)));
      } catch (SwarmsnapException e) {
        problem = new SwarmsnapException(ExitCode.FAILED, afterBackup(outcome) + "the metrics file could not be written: "
            + e.getMessage(), e.hint().orElse("check --metrics-file's directory"), e);
      }
    }
    if (settings.postHook().isPresent()) {
      Hook hook = settings.postHook().get();
      ShellCommand.Result result = hooks.run("hook-post", hook, environment.post(outcome, settings.metricsFile()), log);
      if (!result.succeeded() && problem == null) {
        problem = new SwarmsnapException(ExitCode.FAILED,
            afterBackup(outcome) + "the post hook '" + hook.commandLine() + "' " + HookRunner.failure(hook, result),
            "fix the hook; it ran with SWARMSNAP_RESULT=" + outcome.result().label());
      }
    }
    return problem;
  }

  private void runPreHook(Hook hook, Optional<Path> metrics, Consumer<String> log) {
    ShellCommand.Result result = hooks.run("hook-pre", hook, environment.pre(metrics), log);
    if (!result.succeeded()) {
      throw new SwarmsnapException(ExitCode.UNSAFE,
          "refusing to back up: the pre hook '" + hook.commandLine() + "' " + HookRunner.failure(hook, result),
          "nothing was stopped or written; fix what the hook checks, or the hook itself, and run again");
    }
  }

  private static String afterBackup(RunOutcome outcome) {
    return outcome.report().map(r -> "the backup succeeded (" + r.archive() + "), but ").orElse("");
  }
}
