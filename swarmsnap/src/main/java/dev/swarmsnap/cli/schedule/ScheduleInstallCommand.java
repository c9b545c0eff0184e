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
import picocli.CommandLine.Model.OptionSpec;
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
          + " (checked now, paths must be absolute)."
    },
    footer = {
      "",
      "Examples:",
      "  swarmsnap schedule install --on-calendar '*-*-* 03:00:00' --output /var/backups/swarm \\",
      "      --metrics-file /var/lib/prometheus/node-exporter/swarmsnap.prom --unlock-key-file /root/swarm.key",
      "  swarmsnap schedule install --on-calendar hourly --name swarmsnap-hourly --output /backups --accept-outage"
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

  @Unmatched List<String> backupArgs = new ArrayList<>();

  @Spec CommandSpec spec;

  private final CliContext context;

  ScheduleInstallCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    List<String> backup = checkedBackupArgs();
    List<String> command = new ArrayList<>(new Launcher(context).resolve(Optional.ofNullable(exec)));
    command.add("backup");
    command.add("--scheduled");
    command.addAll(backup);
    ScheduleSpec schedule;
    try {
      schedule = new ScheduleSpec(unit.name(), onCalendar, command, Optional.ofNullable(cron).filter(c -> !c.isBlank()),
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
      out.println("on hosts without systemd, put this line in /etc/cron.d/" + unit.name() + " instead:");
      out.println("  " + installed.cronLine());
      out.flush();
    }
    return 0;
  }

  /**
   * The backup options, parsed now by the real {@code backup} command so that a typo fails here and
   * not at three in the morning. A timer runs from {@code /} without a terminal: paths must be
   * absolute, and the key cannot come from stdin.
   */
  private List<String> checkedBackupArgs() {
    List<String> args = backupArgs.stream().filter(a -> !a.equals("--scheduled")).toList();
    CommandLine backup = spec.root().commandLine().getSubcommands().get("backup");
    CommandLine.ParseResult parsed;
    try {
      parsed = backup.parseArgs(args.toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      throw new SwarmsnapException(ExitCode.USAGE, "not a backup option: " + e.getMessage(),
          "see 'swarmsnap backup --help' for what the scheduled backup accepts");
    }
    if (!parsed.unmatched().isEmpty()) {
      throw new SwarmsnapException(ExitCode.USAGE, "not a backup option: " + String.join(" ", parsed.unmatched()),
          "see 'swarmsnap backup --help'");
    }
    if (parsed.hasMatchedOption("--unlock-key-stdin") || parsed.hasMatchedOption("--help")) {
      throw new SwarmsnapException(ExitCode.USAGE, "a scheduled backup has no terminal: --unlock-key-stdin or --help"
          + " cannot go into the schedule", "use --unlock-key-file or --unlock-key-cmd");
    }
    if (!parsed.hasMatchedOption("--output") && !parsed.hasMatchedOption("--repo")) {
      throw new SwarmsnapException(ExitCode.USAGE, "a schedule needs to say where backups go",
          "add --output DIR (an absolute path)");
    }
    for (OptionSpec option : parsed.matchedOptions()) {
      if (option.type() == Path.class) {
        Path value = option.getValue();
        if (value != null && !value.isAbsolute()) {
          throw new SwarmsnapException(ExitCode.USAGE, option.longestName() + " " + value
              + ": a timer runs from /, so paths must be absolute", "give " + value.toAbsolutePath());
        }
      }
    }
    return args;
  }
}
