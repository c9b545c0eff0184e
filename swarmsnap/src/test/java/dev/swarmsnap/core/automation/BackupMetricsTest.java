package dev.swarmsnap.core.automation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.durable.AtomicFileWriter;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.metrics.PreviousMetrics;
import dev.swarmsnap.metrics.PrometheusTextFile;
import dev.swarmsnap.testing.PrometheusText;
import dev.swarmsnap.testing.PrometheusText.Sample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupMetricsTest {
  private static final Instant START = Instant.parse("2026-11-25T03:00:00Z");
  private static final Instant END = Instant.parse("2026-11-25T03:00:09.500Z");

  private final BackupMetrics metrics = new BackupMetrics();
  private final PrometheusTextFile file = new PrometheusTextFile(new AtomicFileWriter());

  @Test
  void aSuccessfulRunParsesAndCarriesItsValues(@TempDir Path dir) throws Exception {
    PrometheusText.assumeParser();
    Path prom = dir.resolve("swarmsnap.prom");
    RunOutcome outcome = new RunOutcome(RunResult.SUCCESS, ExitCode.OK, START, END,
        Optional.of(Reports.of("/backups/a.swarmsnap", 123456)), Optional.empty());

    file.write(prom, metrics.of(outcome, OptionalDouble.of(1.0)));
    List<Sample> samples = PrometheusText.parse(prom);

    assertThat(samples).allSatisfy(s -> {
      assertThat(s.name()).startsWith("swarmsnap_");
      assertThat(s.type()).isEqualTo("gauge");
      assertThat(s.help()).isNotBlank();
    });
    assertThat(PrometheusText.value(samples, "swarmsnap_last_success_timestamp_seconds")).contains(END.getEpochSecond() + 0.5);
    assertThat(PrometheusText.value(samples, "swarmsnap_last_attempt_timestamp_seconds")).contains(END.getEpochSecond() + 0.5);
    assertThat(PrometheusText.value(samples, "swarmsnap_last_result", "result", "success")).contains(1.0);
    assertThat(PrometheusText.value(samples, "swarmsnap_last_result", "result", "failed")).contains(0.0);
    assertThat(PrometheusText.value(samples, "swarmsnap_last_exit_code")).contains(0.0);
    assertThat(PrometheusText.value(samples, "swarmsnap_last_duration_seconds")).contains(9.5);
    assertThat(PrometheusText.value(samples, "swarmsnap_archive_size_bytes")).contains(123456.0);
    assertThat(PrometheusText.value(samples, "swarmsnap_engine_downtime_seconds")).contains(1.5);
    assertThat(PrometheusText.value(samples, "swarmsnap_objects", "kind", "services")).contains(3.0);
    assertThat(PrometheusText.value(samples, "swarmsnap_objects", "kind", "secrets")).contains(1.0);
    assertThat(PrometheusText.value(samples, "swarmsnap_objects", "kind", "nodes")).contains(4.0);
    assertThat(PrometheusText.value(samples, "swarmsnap_verify_ok")).contains(1.0);
    assertThat(PrometheusText.value(samples, "swarmsnap_certificate_expiry_days")).hasValueSatisfying(
        days -> assertThat(days).isBetween(89.9, 90.0));
    assertThat(Files.getPosixFilePermissions(prom)).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
  }

  @Test
  void aFailedRunKeepsThePreviousSuccessAndDropsArchiveValues(@TempDir Path dir) {
    PrometheusText.assumeParser();
    Path prom = dir.resolve("swarmsnap.prom");
    file.write(prom, metrics.of(new RunOutcome(RunResult.SUCCESS, ExitCode.OK, START, END,
        Optional.of(Reports.of("/backups/a.swarmsnap", 1)), Optional.empty()), OptionalDouble.empty()));
    Instant later = END.plusSeconds(86400);

    OptionalDouble previous = new PreviousMetrics().value(prom, BackupMetrics.LAST_SUCCESS);
    file.write(prom, metrics.of(new RunOutcome(RunResult.FAILED, ExitCode.ENGINE_UNREACHABLE, later, later.plusSeconds(2),
        Optional.empty(), Optional.of("engine down")), previous));
    List<Sample> samples = PrometheusText.parse(prom);

    assertThat(PrometheusText.value(samples, "swarmsnap_last_success_timestamp_seconds")).contains(END.getEpochSecond() + 0.5);
    assertThat(PrometheusText.value(samples, "swarmsnap_last_attempt_timestamp_seconds")).contains(later.plusSeconds(2).toEpochMilli() / 1000.0);
    assertThat(PrometheusText.value(samples, "swarmsnap_last_result", "result", "failed")).contains(1.0);
    assertThat(PrometheusText.value(samples, "swarmsnap_last_result", "result", "success")).contains(0.0);
    assertThat(PrometheusText.value(samples, "swarmsnap_last_exit_code")).contains(5.0);
    assertThat(PrometheusText.value(samples, "swarmsnap_archive_size_bytes")).isEmpty();
    assertThat(new PreviousMetrics().setLabel(prom, "swarmsnap_last_result", "result")).contains("failed");
  }

  @Test
  void aFirstRunThatFailsHasNoSuccessYetAndAVerifyFailureSaysSo() {
    var gauges = metrics.of(new RunOutcome(RunResult.FAILED, ExitCode.VERIFY_FAILED, START, END, Optional.empty(),
        Optional.of("does not verify")), OptionalDouble.empty());

    assertThat(gauges).anySatisfy(g -> {
      assertThat(g.name()).isEqualTo(BackupMetrics.LAST_SUCCESS);
      assertThat(g.samples().get(0).value()).isZero();
    });
    assertThat(gauges).anySatisfy(g -> {
      assertThat(g.name()).isEqualTo("swarmsnap_verify_ok");
      assertThat(g.samples().get(0).value()).isZero();
    });
  }

  @Test
  void refusedPartialAndSkippedHaveTheirOwnResult() {
    assertThat(RunResult.of(ExitCode.UNSAFE)).isEqualTo(RunResult.REFUSED);
    assertThat(RunResult.of(ExitCode.PARTIAL)).isEqualTo(RunResult.PARTIAL);
    assertThat(RunResult.of(ExitCode.ENGINE_UNREACHABLE)).isEqualTo(RunResult.FAILED);
    assertThat(RunResult.of(ExitCode.OK)).isEqualTo(RunResult.SUCCESS);
  }
}
