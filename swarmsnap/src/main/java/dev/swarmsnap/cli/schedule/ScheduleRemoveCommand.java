package dev.swarmsnap.cli.schedule;

import dev.swarmsnap.cli.CliContext;
import dev.swarmsnap.cli.JsonOutput;
import dev.swarmsnap.cli.OutputOptions;
import dev.swarmsnap.core.schedule.ScheduleInstaller;
import dev.swarmsnap.core.schedule.SystemdHost;
import dev.swarmsnap.durable.AtomicFileWriter;
import dev.swarmsnap.shell.ShellCommand;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code swarmsnap schedule remove}: stops the timer and deletes the units swarmsnap wrote. */
@Command(
    name = "remove",
    mixinStandardHelpOptions = true,
    description = "Disables and stops the timer (where systemd runs) and deletes NAME.service and NAME.timer."
        + " Backups and the metrics file stay.")
public final class ScheduleRemoveCommand implements Callable<Integer> {
  @Mixin UnitOptions unit;
  @Mixin OutputOptions output;

  private final CliContext context;

  ScheduleRemoveCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    ScheduleInstaller.Removed removed = new ScheduleInstaller(new AtomicFileWriter(),
            new SystemdHost(new ShellCommand(), Path.of("/run/systemd/system")))
        .remove(unit.name(), unit.unitDir());
    if (output.json()) {
      new JsonOutput().print(context.out(), removed);
    } else {
      removed.deleted().forEach(file -> context.out().println("deleted " + file));
      context.out().println(removed.disabled() ? "timer disabled and stopped" : "systemd is not running here: nothing to disable");
      context.out().flush();
    }
    return 0;
  }
}
