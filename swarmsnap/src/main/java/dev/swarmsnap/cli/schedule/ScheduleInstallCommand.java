package dev.swarmsnap.cli.schedule;

import dev.swarmsnap.cli.CliContext;
import dev.swarmsnap.cli.JsonOutput;
import dev.swarmsnap.cli.OutputOptions;
import dev.swarmsnap.cli.VersionProvider;
import dev.swarmsnap.core.schedule.ScheduleInstaller;
import dev.swarmsnap.core.schedule.ScheduleSpec;
import dev.swarmsnap.core.schedule.SystemdHost;
import dev.swarmsnap.durable.AtomicFileWriter;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.shell.ShellCommand;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code swarmsnap schedule install}: a systemd service and timer that run {@code backup --scheduled}. */
@Command(
    name = "install",
    mixinStandardHelpOptions = true,
    description = {
      "Writes NAME.service and NAME.timer (atomically) that run 'swarmsnap backup --scheduled' with the backup"
          + " options given, enables the timer where systemd runs, and prints a cron line for hosts without"
          + " systemd. Install the same schedule on every manager: each run backs up on one of them.",
      "Every option this command does not know is a backup option and goes to the service as it is"
          + " (checked now, paths must be absolute).",
      "With --drill-only the service runs 'swarmsnap drill latest' instead, with the drill options given"
          + " (--repo required): a restore drill of the newest backup in a sandbox, on one host."
    },
    footer = {
      "",
      "Examples:",
      "  swarmsnap schedule install --on-calendar '*-*-* 03:00:00' --output /var/backups/swarm \\",
      "      --metrics-file /var/lib/prometheus/node-exporter/swarmsnap.prom --unlock-key-file /root/swarm.key",
      "  swarmsnap schedule install --on-calendar hourly --name swarmsnap-hourly --output /backups --accept-outage",
      "  swarmsnap schedule install --drill-only --on-calendar '*-*-* 05:00:00' --repo /var/backups/swarm \\",
      "      --metrics-file /var/lib/prometheus/node-exporter/swarmsnap-drill.prom"
    })
public final class ScheduleInstallCommand implements Callable<Integer> {
  @Mixin UnitOptions unit;
  @Mixin OutputOptions output;

  @Option(names = "--on-calendar", required = true, paramLabel = "SPEC",
      description = "When to run: a systemd calendar expression (man systemd.time), e.g. '*-*-* 03:00:00', daily, hourly.")
  String onCalendar;

  @Option(names = "--cron", paramLabel = "'M H DOM MON DOW'",
      description = "The schedule of the printed cron line (default: derived from --on-calendar where it has a simple form).")
  String cron;

  @Option(names = "--exec", paramLabel = "PATH",
      description = "The swarmsnap launcher the service runs (default: swarmsnap on $PATH, else java -jar with this jar).")
  Path exec;

  @Option(names = "--no-enable", description = "Only write the units; do not run systemctl daemon-reload and enable --now.")
  boolean noEnable;

  @Option(names = "--force", description = "Replace a schedule of the same name that swarmsnap installed before.")
  boolean force;

  @Option(names = "--drill-only",
      description = "Schedule 'swarmsnap drill latest' (options: the drill's, --repo required) instead of backups;"
          + " NAME defaults to swarmsnap-drill. Install it on one host: a drill needs no manager.")
  boolean drillOnly;

  @Unmatched List<String> backupArgs = new ArrayList<>();

  @Spec CommandSpec spec;

  private final CliContext context;

  ScheduleInstallCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    List<String> command = new ArrayList<>(new Launcher(context).resolve(Optional.ofNullable(exec)));
    if (drillOnly) {
      command.addAll(List.of("drill", "latest"));
      command.addAll(new ScheduledArgs(spec).drill(backupArgs));
    } else {
      command.add("backup");
      command.add("--scheduled");
      command.addAll(checkedBackupArgs());
    }
    String name = drillOnly && unit.name().equals(UnitOptions.DEFAULT_NAME) ? ScheduledArgs.DRILL_NAME : unit.name();
    ScheduleSpec schedule;
    try {
      schedule = new ScheduleSpec(name, onCalendar, command, Optional.ofNullable(cron).filter(c -> !c.isBlank()),
          VersionProvider.version());
    } catch (IllegalArgumentException e) {
      throw new SwarmsnapException(ExitCode.USAGE, e.getMessage(), "see 'swarmsnap schedule install --help'");
    }
    ScheduleInstaller.Installed installed = new ScheduleInstaller(new AtomicFileWriter(),
            new SystemdHost(new ShellCommand(), Path.of("/run/systemd/system")))
        .install(schedule, unit.unitDir(), force, !noEnable);
    if (output.json()) {
      new JsonOutput().print(context.out(), installed);
    } else {
      PrintWriter out = context.out();
      out.println("wrote " + installed.service());
      out.println("wrote " + installed.timer());
      out.println(installed.why());
      out.println("on hosts without systemd, put this line in /etc/cron.d/" + name + " instead:");
      out.println("  " + installed.cronLine());
      out.flush();
    }
    return 0;
  }

  /** The backup options; a schedule must say where backups go. */
  private List<String> checkedBackupArgs() {
    List<String> args = backupArgs.stream().filter(a -> !a.equals("--scheduled")).toList();
    CommandLine.ParseResult parsed = new ScheduledArgs(spec).parse("backup", args);
    if (!parsed.hasMatchedOption("--output") && !parsed.hasMatchedOption("--repo")) {
      throw new SwarmsnapException(ExitCode.USAGE, "a schedule needs to say where backups go",
          "add --output DIR (an absolute path)");
    }
    return args;
  }
}
