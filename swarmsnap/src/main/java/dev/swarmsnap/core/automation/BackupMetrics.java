package dev.swarmsnap.core.automation;

import dev.swarmsnap.core.backup.BackupReport;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.metrics.Gauge;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The metrics of one run, for node_exporter's textfile collector. Pure.
 *
 * <p>The last success timestamp survives runs that did not succeed (it is carried over from the
 * previous file), so an alert on {@code time() - swarmsnap_last_success_timestamp_seconds} works
 * however the later runs ended. Values that only a written archive has (size, downtime, objects,
 * certificate expiry) appear only after a successful run.
 */
public final class BackupMetrics {
  public static final String LAST_SUCCESS = "swarmsnap_last_success_timestamp_seconds";

  /**
   * @param previousSuccess {@link #LAST_SUCCESS} from the previous file, if there was one
   */
  public List<Gauge> of(RunOutcome outcome, OptionalDouble previousSuccess) {
    List<Gauge> gauges = new ArrayList<>();
    double lastSuccess = outcome.result() == RunResult.SUCCESS
        ? seconds(outcome.finishedAt())
        : previousSuccess.orElse(0);
    gauges.add(Gauge.of(LAST_SUCCESS,
        "Unix time of the last successful backup by this manager (0: none yet).", lastSuccess));
    gauges.add(Gauge.of("swarmsnap_last_attempt_timestamp_seconds",
        "Unix time the last backup run on this manager ended.", seconds(outcome.finishedAt())));
    Map<String, Integer> results = new LinkedHashMap<>();
    for (RunResult result : RunResult.values()) {
      results.put(result.label(), result == outcome.result() ? 1 : 0);
    }
    gauges.add(Gauge.byLabel("swarmsnap_last_result",
        "Result of the last run: 1 for the result it had, 0 for the others.", "result", results));
    gauges.add(Gauge.of("swarmsnap_last_exit_code",
        "Exit code of the last run (see swarmsnap --help).", outcome.exitCode().code()));
    gauges.add(Gauge.of("swarmsnap_last_duration_seconds",
        "How long the last run took, from start to end.", millisToSeconds(outcome.duration().toMillis())));
    outcome.report().ifPresent(report -> addReport(gauges, report, outcome.finishedAt()));
    if (outcome.exitCode() == ExitCode.VERIFY_FAILED) {
      gauges.add(verify(0));
    }
    return gauges;
  }

  private static void addReport(List<Gauge> gauges, BackupReport report, Instant now) {
    gauges.add(Gauge.of("swarmsnap_archive_size_bytes",
        "Size of the archive the last successful run wrote.", report.archiveBytes()));
    gauges.add(Gauge.of("swarmsnap_engine_downtime_seconds",
        "How long the engine's API was down during the last successful run.",
        millisToSeconds(report.downtimeMillis())));
    Map<String, Integer> objects = new LinkedHashMap<>();
    for (String kind : List.of("services", "networks", "configs", "secrets", "nodes", "tasks")) {
      objects.put(kind, report.objects().getOrDefault(kind, 0));
    }
    gauges.add(Gauge.byLabel("swarmsnap_objects",
        "Objects of each kind in the last successful backup.", "kind", objects));
    gauges.add(verify(1));
    report.certificateExpiry().ifPresent(expiry -> {
      gauges.add(Gauge.of("swarmsnap_certificate_expiry_timestamp_seconds",
          "Unix time the first of the backed-up node certificate and root CA expires.", seconds(expiry)));
      gauges.add(Gauge.of("swarmsnap_certificate_expiry_days",
          "Days until the first of the backed-up node certificate and root CA expires (restore before then).",
          Duration.between(now, expiry).toSeconds() / 86400.0));
    });
  }

  private static Gauge verify(int passed) {
    return Gauge.of("swarmsnap_verify_ok",
        "1 when the last run's verification of the copied state passed, 0 when it found problems.", passed);
  }

  private static double seconds(Instant instant) {
    return instant.toEpochMilli() / 1000.0;
  }

  private static double millisToSeconds(long millis) {
    return millis / 1000.0;
  }
}
