package dev.swarmsnap.core.drill;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.metrics.Gauge;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The metrics of one drill, for node_exporter's textfile collector (a file of their own: the
 * backup's file is replaced whole by each backup). Pure.
 *
 * <p>As with backups, the last success timestamp is carried over from the previous file when a
 * drill fails, so {@code time() - swarmsnap_last_drill_success_timestamp_seconds} alerts on drills
 * that stopped passing. The RTO is that of the last drill whose restore reached a leader.
 */
public final class DrillMetrics {
  public static final String LAST_SUCCESS = "swarmsnap_last_drill_success_timestamp_seconds";
  public static final String RTO = "swarmsnap_drill_rto_seconds";

  /**
   * @param report the drill's report; empty when it ended before comparing (restore failed, ...)
   * @param exitCode the drill's exit code
   * @param previousSuccess {@link #LAST_SUCCESS} from the previous file
   * @param previousRto {@link #RTO} from the previous file
   */
  public List<Gauge> of(Optional<DrillReport> report, ExitCode exitCode, Instant finishedAt,
      OptionalDouble previousSuccess, OptionalDouble previousRto) {
    boolean passed = exitCode == ExitCode.OK && report.map(DrillReport::passed).orElse(false);
    List<Gauge> gauges = new ArrayList<>();
    gauges.add(Gauge.of(LAST_SUCCESS, "Unix time of the last drill that passed (0: none yet).",
        passed ? seconds(finishedAt) : previousSuccess.orElse(0)));
    gauges.add(Gauge.of("swarmsnap_last_drill_timestamp_seconds", "Unix time the last drill ended.", seconds(finishedAt)));
    gauges.add(Gauge.of("swarmsnap_last_drill_passed", "1 when the last drill passed, 0 when it failed.", passed ? 1 : 0));
    gauges.add(Gauge.of("swarmsnap_last_drill_exit_code", "Exit code of the last drill (see swarmsnap --help).",
        exitCode.code()));
    OptionalDouble rto = report.map(r -> OptionalDouble.of(r.rtoMillis() / 1000.0)).orElse(previousRto);
    if (rto.isPresent()) {
      gauges.add(Gauge.of(RTO, "Seconds from the start of the last drill's restore to a ready leader in its sandbox.",
          rto.getAsDouble()));
    }
    report.ifPresent(r -> gauges.add(Gauge.of("swarmsnap_drill_differences",
        "Object kinds that differed between the archive and the sandbox in the last drill.", r.differences().size())));
    return gauges;
  }

  private static double seconds(Instant instant) {
    return instant.toEpochMilli() / 1000.0;
  }
}
