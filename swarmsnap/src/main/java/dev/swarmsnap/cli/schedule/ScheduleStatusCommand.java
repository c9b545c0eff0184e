package dev.swarmsnap.cli.schedule;

import dev.swarmsnap.cli.CliContext;
import dev.swarmsnap.cli.JsonOutput;
import dev.swarmsnap.cli.OutputOptions;
import dev.swarmsnap.core.automation.BackupMetrics;
import dev.swarmsnap.core.schedule.ScheduleInstaller;
import dev.swarmsnap.core.schedule.SystemdHost;
import dev.swarmsnap.durable.AtomicFileWriter;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.metrics.PreviousMetrics;
import dev.swarmsnap.shell.ShellCommand;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code swarmsnap schedule status}: is the timer there, and how did the last run end? */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Shows whether the schedule is installed (and active, where systemd runs), and the last run's"
        + " result from the metrics file, if the schedule writes one. Exits 8 when no schedule is installed.")
public final class ScheduleStatusCommand implements Callable<Integer> {
  @Mixin UnitOptions unit;
  @Mixin OutputOptions output;

  @Option(names = "--metrics-file", paramLabel = "FILE",
      description = "The metrics file to read the last run from (default: the schedule's own --metrics-file).")
  Path metricsFile;

  private final CliContext context;

  ScheduleStatusCommand(CliContext context) {
    this.context = context;
  }

  /** The status as {@code --json} prints it; times are absent when unknown. */
  record Status(
      String name,
      String timer,
      String onCalendar,
      List<String> command,
      Optional<String> systemd,
      Optional<String> metricsFile,
      Optional<String> lastResult,
      Optional<Instant> lastAttempt,
      Optional<Instant> lastSuccess) {}

  @Override
  public Integer call() {
    ScheduleInstaller.Found found = new ScheduleInstaller(new AtomicFileWriter(),
            new SystemdHost(new ShellCommand(), Path.of("/run/systemd/system")))
        .find(unit.name(), unit.unitDir())
        .orElseThrow(() -> new SwarmsnapException(ExitCode.NOT_FOUND,
            "no schedule named " + unit.name() + " in " + unit.unitDir(),
            "install one with 'swarmsnap schedule install --on-calendar SPEC --output DIR'"));
    Optional<Path> metrics = Optional.ofNullable(metricsFile).or(() -> optionValue(found.command(), "--metrics-file"));
    PreviousMetrics reader = new PreviousMetrics();
    Status status = new Status(
        unit.name(), found.timer(), found.onCalendar(), found.command(), found.systemdState(),
        metrics.map(Path::toString),
        metrics.flatMap(f -> reader.setLabel(f, "swarmsnap_last_result", "result")),
        metrics.flatMap(f -> instant(reader.value(f, "swarmsnap_last_attempt_timestamp_seconds"))),
        metrics.flatMap(f -> instant(reader.value(f, BackupMetrics.LAST_SUCCESS))));
    if (output.json()) {
      new JsonOutput().print(context.out(), status);
    } else {
      print(status);
    }
    return 0;
  }

  private void print(Status status) {
    PrintWriter out = context.out();
    out.println("schedule:     " + status.name() + " (" + status.timer() + ")");
    out.println("on calendar:  " + status.onCalendar());
    out.println("runs:         " + String.join(" ", status.command()));
    out.println("systemd:      " + status.systemd().orElse("not running on this host"));
    if (status.metricsFile().isEmpty()) {
      out.println("last run:     unknown (the schedule writes no --metrics-file)");
    } else {
      out.println("last run:     " + status.lastResult().orElse("none yet")
          + status.lastAttempt().map(t -> " at " + t).orElse("") + " (" + status.metricsFile().get() + ")");
      out.println("last success: " + status.lastSuccess().map(Instant::toString).orElse("none yet"));
    }
    out.flush();
  }

  private static Optional<Path> optionValue(List<String> command, String option) {
    for (int i = 0; i < command.size(); i++) {
      if (command.get(i).equals(option) && i + 1 < command.size()) {
        return Optional.of(Path.of(command.get(i + 1)));
      }
      if (command.get(i).startsWith(option + "=")) {
        return Optional.of(Path.of(command.get(i).substring(option.length() + 1)));
      }
    }
    return Optional.empty();
  }

  private static Optional<Instant> instant(OptionalDouble seconds) {
    return seconds.isPresent() && seconds.getAsDouble() > 0
        ? Optional.of(Instant.ofEpochMilli(Math.round(seconds.getAsDouble() * 1000)))
        : Optional.empty();
  }
}
