package dev.swarmsnap.core.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.metrics.Gauge;
import dev.swarmsnap.swarmstate.Finding;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The drill's gauges: success time carried over a failure, the RTO of the last drill that got that far. */
class DrillMetricsTest {
  private static final Instant END = Instant.parse("2026-01-01T00:00:10Z");

  @Test
  void aPassedDrillSetsItsSuccessTimeAndRto() {
    List<Gauge> gauges = new DrillMetrics().of(Optional.of(report(List.of())), ExitCode.OK, END,
        OptionalDouble.of(5), OptionalDouble.of(99));

    assertThat(value(gauges, DrillMetrics.LAST_SUCCESS)).isEqualTo(END.getEpochSecond());
    assertThat(value(gauges, DrillMetrics.RTO)).isEqualTo(12.5);
    assertThat(value(gauges, "swarmsnap_last_drill_passed")).isEqualTo(1);
    assertThat(value(gauges, "swarmsnap_drill_differences")).isZero();
  }

  @Test
  void aDrillWithDifferencesKeepsThePreviousSuccessTime() {
    List<Gauge> gauges = new DrillMetrics().of(Optional.of(report(List.of("restored services: gone"))),
        ExitCode.VERIFY_FAILED, END, OptionalDouble.of(5), OptionalDouble.empty());

    assertThat(value(gauges, DrillMetrics.LAST_SUCCESS)).isEqualTo(5);
    assertThat(value(gauges, "swarmsnap_last_drill_passed")).isZero();
    assertThat(value(gauges, "swarmsnap_drill_differences")).isEqualTo(1);
    assertThat(value(gauges, "swarmsnap_last_drill_exit_code")).isEqualTo(4);
  }

  @Test
  void aDrillThatEndedEarlyKeepsThePreviousRtoAndHasNoneWithoutOne() {
    List<Gauge> carried = new DrillMetrics().of(Optional.empty(), ExitCode.FAILED, END, OptionalDouble.empty(),
        OptionalDouble.of(7.5));
    List<Gauge> none = new DrillMetrics().of(Optional.empty(), ExitCode.FAILED, END, OptionalDouble.empty(),
        OptionalDouble.empty());

    assertThat(value(carried, DrillMetrics.RTO)).isEqualTo(7.5);
    assertThat(value(carried, DrillMetrics.LAST_SUCCESS)).isZero();
    assertThat(none).extracting(Gauge::name).doesNotContain(DrillMetrics.RTO, "swarmsnap_drill_differences");
  }

  private static DrillReport report(List<String> differences) {
    return new DrillReport("a.swarmsnap", "cluster", "node", END.minusSeconds(10), "drill-1", "28.5.2", 12_500, 20_000,
        Map.of("services", 2), List.<Finding>of(), differences, List.of());
  }

  private static double value(List<Gauge> gauges, String name) {
    return gauges.stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow().samples().get(0).value();
  }
}
