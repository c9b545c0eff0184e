package dev.swarmsnap.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.swarmsnap.shell.ShellCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleUnitsTest {
  private static final List<String> COMMAND = List.of(
      "/usr/local/bin/swarmsnap", "backup", "--scheduled", "--output", "/var/backups/swarm",
      "--hook-post", "curl -fsS \"https://hc.example/$SWARMSNAP_RESULT\" # 100% done\\n",
      "--unlock-key-file", "/root/swarm key");

  private final ScheduleUnits units = new ScheduleUnits();

  @Test
  void theServiceRunsTheScheduledBackupOnce() {
    String service = units.service(spec("*-*-* 03:00:00"));

    assertThat(service).startsWith(ScheduleUnits.MARKER)
        .contains("\n[Service]\nType=oneshot\n")
        .contains("After=network-online.target docker.service")
        .contains("ExecStart=/usr/local/bin/swarmsnap backup --scheduled --output /var/backups/swarm --hook-post ");
  }

  @Test
  void aHotBackupRunsAtLowCpuAndIoPriorityAndAColdOneAsInherited() {
    List<String> hot = new java.util.ArrayList<>(COMMAND);
    hot.add(2, "--hot");

    assertThat(units.service(new ScheduleSpec("swarmsnap-backup", "daily", hot, Optional.empty(), "test")))
        .contains("\nNice=19\nIOSchedulingClass=best-effort\nIOSchedulingPriority=7\n");
    assertThat(units.service(spec("daily"))).doesNotContain("Nice=").doesNotContain("IOScheduling");
  }

  @Test
  void theExecStartLineEscapesQuotesSpecifiersAndVariables() {
    String execStart = units.service(spec("daily")).lines().filter(l -> l.startsWith("ExecStart=")).findFirst().orElseThrow();

    assertThat(execStart).contains("\"curl -fsS \\\"https://hc.example/$$SWARMSNAP_RESULT\\\" # 100%% done\\\\n\"")
        .contains("\"/root/swarm key\"");
    assertThat(units.execStart(units.service(spec("daily")))).isEqualTo(COMMAND);
  }

  @Test
  void theTimerFiresOnTimeOnEveryManager() {
    String timer = units.timer(spec("Mon..Fri *-*-* 02:30:00"));

    assertThat(timer).startsWith(ScheduleUnits.MARKER)
        .contains("OnCalendar=Mon..Fri *-*-* 02:30:00\n")
        .contains("AccuracySec=1s\n")
        .contains("RandomizedDelaySec=0\n")
        .contains("Unit=swarmsnap-backup.service\n")
        .contains("[Install]\nWantedBy=timers.target\n")
        .doesNotContain("Persistent=");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "hourly|0 * * * *",
      "daily|0 0 * * *",
      "weekly|0 0 * * 1",
      "monthly|0 0 1 * *",
      "*-*-* 03:00:00|0 3 * * *",
      "03:15|15 3 * * *",
      "*-*-* *:30:00|30 * * * *",
      "*:05|5 * * * *"})
  void simpleCalendarsBecomeCronSchedules(String onCalendar, String cron) {
    assertThat(ScheduleUnits.cronSchedule(onCalendar)).contains(cron);
  }

  @Test
  void theCronLineRunsAsRootWithShellQuotingAndEscapedPercent() {
    String line = units.cronLine(spec("*-*-* 03:00:00"));

    assertThat(line).startsWith("0 3 * * * root /usr/local/bin/swarmsnap backup --scheduled --output /var/backups/swarm")
        .contains("'curl -fsS \"https://hc.example/$SWARMSNAP_RESULT\" # 100\\% done\\n'")
        .contains("'/root/swarm key'");
  }

  @Test
  void aCalendarWithoutCronFormSaysSoUnlessCronIsGiven() {
    assertThat(units.cronLine(spec("Mon..Fri *-*-* 02:30:00"))).startsWith("# OnCalendar=Mon..Fri").contains("--cron");
    ScheduleSpec withCron = new ScheduleSpec("swarmsnap-backup", "Mon..Fri *-*-* 02:30:00", COMMAND,
        Optional.of("30 2 * * 1-5"), "test");
    assertThat(units.cronLine(withCron)).startsWith("30 2 * * 1-5 root /usr/local/bin/swarmsnap ");
  }

  @Test
  void unitNamesAndCommandsThatCannotGoIntoAUnitAreRejected() {
    assertThatThrownBy(() -> new ScheduleSpec("../evil", "daily", COMMAND, Optional.empty(), "t"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ScheduleSpec("ok", "daily", List.of("swarmsnap", "backup"), Optional.empty(), "t"))
        .hasMessageContaining("absolute");
    assertThatThrownBy(() -> new ScheduleSpec("ok", "daily", List.of("/bin/x", "a\nExecStartPost=/bin/evil"),
        Optional.empty(), "t")).hasMessageContaining("line break");
  }

  @Test
  void generatedUnitsPassSystemdAnalyzeVerify(@TempDir Path dir) throws Exception {
    assumeTrue(new ShellCommand().run(List.of("which", "systemd-analyze"), Duration.ofSeconds(10)).succeeded(),
        "systemd-analyze is not installed");
    Path launcher = dir.resolve("swarmsnap");
    Files.writeString(launcher, "#!/bin/sh\nexit 0\n");
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    List<String> command = new java.util.ArrayList<>(COMMAND);
    command.set(0, launcher.toString());
    command.add(2, "--hot");
    ScheduleSpec spec = new ScheduleSpec("swarmsnap-backup", "*-*-* 03:00:00", command, Optional.empty(), "test");
    Path service = dir.resolve(spec.serviceFile());
    Path timer = dir.resolve(spec.timerFile());
    Files.writeString(service, units.service(spec));
    Files.writeString(timer, units.timer(spec));

    ShellCommand.Result verify = new ShellCommand().run(
        List.of("systemd-analyze", "verify", service.toString(), timer.toString()), Duration.ofSeconds(60));

    assertThat(verify.exitCode()).as(verify.output()).isZero();
    assertThat(verify.output()).doesNotContainIgnoringCase("ignoring").doesNotContainIgnoringCase("unknown");
  }

  private static ScheduleSpec spec(String onCalendar) {
    return new ScheduleSpec("swarmsnap-backup", onCalendar, COMMAND, Optional.empty(), "test");
  }
}
