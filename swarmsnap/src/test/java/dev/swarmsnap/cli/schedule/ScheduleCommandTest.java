package dev.swarmsnap.cli.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.testing.Swarmsnap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code schedule install|status|remove} against a unit directory of the test's own. */
class ScheduleCommandTest {
  @TempDir Path units;
  @TempDir Path bin;
  private Path launcher;
  private final Map<String, String> env = new HashMap<>(Map.of("PATH", "/usr/bin:/bin"));

  @BeforeEach
  void launcher() throws Exception {
    launcher = bin.resolve("swarmsnap");
    Files.writeString(launcher, "#!/bin/sh\n");
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void installWritesBothUnitsWithTheBackupOptionsAndPrintsACronLine() throws Exception {
    Swarmsnap.Run run = install("--on-calendar", "*-*-* 03:00:00", "--output", "/var/backups/swarm",
        "--metrics-file", "/var/lib/node-exporter/swarmsnap.prom", "--hook-post", "logger done");

    assertThat(run.code()).as(run.err()).isZero();
    String service = Files.readString(units.resolve("swarmsnap-backup.service"));
    assertThat(service).contains("ExecStart=" + launcher + " backup --scheduled --output /var/backups/swarm"
        + " --metrics-file /var/lib/node-exporter/swarmsnap.prom --hook-post \"logger done\"");
    assertThat(Files.readString(units.resolve("swarmsnap-backup.timer"))).contains("OnCalendar=*-*-* 03:00:00");
    assertThat(Files.getPosixFilePermissions(units.resolve("swarmsnap-backup.timer")))
        .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(run.out()).contains("0 3 * * * root " + launcher + " backup --scheduled --output /var/backups/swarm");
  }

  @Test
  void statusReadsTheLastRunFromTheSchedulesMetricsFileAndRemoveDeletesTheUnits() throws Exception {
    Path metrics = units.resolve("swarmsnap.prom");
    Files.writeString(metrics, String.join("\n",
        "swarmsnap_last_success_timestamp_seconds 1.7956e9",
        "swarmsnap_last_attempt_timestamp_seconds 1.7957E9",
        "swarmsnap_last_result{result=\"refused\"} 1.0",
        "swarmsnap_last_result{result=\"success\"} 0.0", ""));
    assertThat(install("--on-calendar", "daily", "--name", "nightly", "--output", "/b", "--metrics-file",
        metrics.toString()).code()).isZero();

    Swarmsnap.Run status = Swarmsnap.run(env, "schedule", "status", "--name", "nightly", "--unit-dir", units.toString(), "--json");

    assertThat(status.code()).as(status.err()).isZero();
    assertThat(status.json().path("onCalendar").asText()).isEqualTo("daily");
    assertThat(status.json().path("lastResult").asText()).isEqualTo("refused");
    assertThat(status.json().path("lastSuccess").asText()).isEqualTo("2026-11-25T09:46:40Z");

    Swarmsnap.Run remove = Swarmsnap.run(env, "schedule", "remove", "--name", "nightly", "--unit-dir", units.toString());

    assertThat(remove.code()).as(remove.err()).isZero();
    assertThat(units.resolve("nightly.service")).doesNotExist();
    assertThat(units.resolve("nightly.timer")).doesNotExist();
    assertThat(metrics).exists();
    assertThat(Swarmsnap.run(env, "schedule", "status", "--name", "nightly", "--unit-dir", units.toString()).code())
        .isEqualTo(ExitCode.NOT_FOUND.code());
  }

  @Test
  void aSecondInstallNeedsForceAndForeignUnitsAreNeverReplacedOrRemoved() throws Exception {
    assertThat(install("--on-calendar", "daily", "--output", "/b").code()).isZero();
    assertThat(install("--on-calendar", "hourly", "--output", "/b").code()).isEqualTo(ExitCode.CONFLICT.code());
    assertThat(install("--on-calendar", "hourly", "--output", "/b", "--force").code()).isZero();
    assertThat(Files.readString(units.resolve("swarmsnap-backup.timer"))).contains("OnCalendar=hourly");

    Files.writeString(units.resolve("theirs.service"), "[Service]\nExecStart=/bin/true\n");
    assertThat(install("--on-calendar", "daily", "--name", "theirs", "--output", "/b", "--force").code())
        .isEqualTo(ExitCode.CONFLICT.code());
    assertThat(Swarmsnap.run(env, "schedule", "remove", "--name", "theirs", "--unit-dir", units.toString()).code())
        .isEqualTo(ExitCode.CONFLICT.code());
    assertThat(Files.readString(units.resolve("theirs.service"))).isEqualTo("[Service]\nExecStart=/bin/true\n");
  }

  @Test
  void drillOnlySchedulesADrillOfTheNewestBackupWithItsOwnName() throws Exception {
    Swarmsnap.Run run = install("--drill-only", "--on-calendar", "*-*-* 05:00:00", "--repo", "/var/backups/swarm",
        "--metrics-file", "/var/lib/node-exporter/swarmsnap-drill.prom");

    assertThat(run.code()).as(run.err()).isZero();
    String service = Files.readString(units.resolve("swarmsnap-drill.service"));
    assertThat(service).contains("ExecStart=" + launcher + " drill latest --repo /var/backups/swarm"
        + " --metrics-file /var/lib/node-exporter/swarmsnap-drill.prom").contains("restore drill");
    assertThat(units.resolve("swarmsnap-backup.service")).doesNotExist();
    assertThat(Files.readString(units.resolve("swarmsnap-drill.timer"))).contains("OnCalendar=*-*-* 05:00:00");
  }

  @Test
  void badDrillOptionsAreRefusedAtInstallTime() {
    Swarmsnap.Run noRepo = install("--drill-only", "--on-calendar", "daily", "--metrics-file", "/m.prom");
    Swarmsnap.Run backupOption = install("--drill-only", "--on-calendar", "daily", "--repo", "/r", "--output", "/b");
    Swarmsnap.Run relative = install("--drill-only", "--on-calendar", "daily", "--repo", "/r", "--metrics-file", "m.prom");

    assertThat(noRepo.code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(noRepo.err()).contains("--repo");
    assertThat(backupOption.code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(backupOption.err()).contains("--output");
    assertThat(relative.code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(relative.err()).contains("absolute");
  }

  @Test
  void badBackupOptionsAreRefusedAtInstallTime() {
    Swarmsnap.Run typo = install("--on-calendar", "daily", "--outptu", "/b");
    Swarmsnap.Run relative = install("--on-calendar", "daily", "--output", "backups");
    Swarmsnap.Run nowhere = install("--on-calendar", "daily");
    Swarmsnap.Run stdin = install("--on-calendar", "daily", "--output", "/b", "--unlock-key-stdin");

    assertThat(typo.code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(typo.err()).contains("--outptu");
    assertThat(relative.code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(relative.err()).contains("absolute");
    assertThat(nowhere.code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(nowhere.err()).contains("--output");
    assertThat(stdin.code()).isEqualTo(ExitCode.USAGE.code());
    try (var files = Files.list(units)) {
      assertThat(files).isEmpty();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Swarmsnap.Run install(String... args) {
    String[] command = new String[args.length + 7];
    command[0] = "schedule";
    command[1] = "install";
    command[2] = "--unit-dir";
    command[3] = units.toString();
    command[4] = "--no-enable";
    command[5] = "--exec";
    command[6] = launcher.toString();
    System.arraycopy(args, 0, command, 7, args.length);
    return Swarmsnap.run(env, command);
  }
}
