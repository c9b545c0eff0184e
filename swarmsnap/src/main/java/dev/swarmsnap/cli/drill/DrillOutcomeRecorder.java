package dev.swarmsnap.cli.drill;

import dev.swarmsnap.cli.BackupSourceOptions;
import dev.swarmsnap.cli.CliContext;
import dev.swarmsnap.core.drill.DrillMetrics;
import dev.swarmsnap.core.drill.DrillReport;
import dev.swarmsnap.core.repository.FetchedArchive;
import dev.swarmsnap.durable.AtomicFileWriter;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.error.WrongUnlockKeyException;
import dev.swarmsnap.metrics.PreviousMetrics;
import dev.swarmsnap.metrics.PrometheusTextFile;
import dev.swarmsnap.repository.BackupRepository;
import dev.swarmsnap.repository.DrillRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Where a drill's outcome goes besides the terminal: the backup's index record ({@code --repo}) and
 * the metrics file ({@code --metrics-file}).
 *
 * <p>A failure is recorded against the backup only when it is the backup's: the archive did not
 * verify, or the restore failed once the sandbox ran. A wrong key, bad options or a sandbox this
 * host could not start say nothing about the backup, so its record keeps its last drill.
 */
final class DrillOutcomeRecorder {
  private final CliContext context;
  private final BackupSourceOptions source;
  private final Optional<FetchedArchive> fetched;
  private final Optional<Path> metricsFile;

  DrillOutcomeRecorder(CliContext context, BackupSourceOptions source, Optional<FetchedArchive> fetched, Path metricsFile) {
    this.context = context;
    this.source = source;
    this.fetched = fetched;
    this.metricsFile = Optional.ofNullable(metricsFile);
  }

  /** Records a drill that ran to the end; returns where it was recorded, for the output. */
  Optional<String> finished(DrillReport report) {
    ExitCode code = report.passed() ? ExitCode.OK : ExitCode.VERIFY_FAILED;
    writeMetrics(Optional.of(report), code);
    DrillRecord.Result result = report.passed() ? DrillRecord.Result.PASSED : DrillRecord.Result.FAILED;
    return record(new DrillRecord(result, report.startedAt(), report.rtoMillis()));
  }

  /** Records a drill that ended with {@code failure}; never throws, so the failure itself is reported. */
  void failed(RuntimeException failure, boolean sandboxRan, Instant started) {
    ExitCode code = failure instanceof SwarmsnapException known ? known.exitCode() : ExitCode.FAILED;
    try {
      writeMetrics(Optional.empty(), code);
      boolean backupsFault = code == ExitCode.VERIFY_FAILED
          || (sandboxRan && failure instanceof SwarmsnapException && !(failure instanceof WrongUnlockKeyException));
      if (backupsFault) {
        record(new DrillRecord(DrillRecord.Result.FAILED, started, 0));
      }
    } catch (SwarmsnapException e) {
      context.err().println("swarmsnap: " + e.getMessage());
      context.err().flush();
    }
  }

  private Optional<String> record(DrillRecord drill) {
    if (fetched.isEmpty()) {
      return Optional.empty();
    }
    String id = fetched.get().backup().id();
    try (BackupRepository repository = source.openRepository(context).orElseThrow()) {
      repository.recordDrill(id, drill);
      return Optional.of(repository.describe());
    } catch (SwarmsnapException e) {
      throw new SwarmsnapException(e.exitCode(), "the drill " + drill.result().text() + " but its result could not be"
          + " recorded in the repository: " + e.getMessage(), e.hint().orElse("check the repository and run the drill again"), e);
    }
  }

  private void writeMetrics(Optional<DrillReport> report, ExitCode code) {
    if (metricsFile.isEmpty()) {
      return;
    }
    Path file = metricsFile.get();
    PreviousMetrics previous = new PreviousMetrics();
    new PrometheusTextFile(new AtomicFileWriter()).write(file, new DrillMetrics().of(report, code,
        context.clock().instant(), previous.value(file, DrillMetrics.LAST_SUCCESS), previous.value(file, DrillMetrics.RTO)));
  }
}
