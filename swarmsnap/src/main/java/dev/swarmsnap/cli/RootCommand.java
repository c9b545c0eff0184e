package dev.swarmsnap.cli;

import dev.swarmsnap.cli.apply.ApplyCommand;
import dev.swarmsnap.cli.backup.BackupCommand;
import dev.swarmsnap.cli.export.DiffCommand;
import dev.swarmsnap.cli.export.ExportCommand;
import dev.swarmsnap.cli.inspect.InspectCommand;
import dev.swarmsnap.cli.key.KeyCommand;
import dev.swarmsnap.cli.lab.LabCommand;
import dev.swarmsnap.cli.drill.DrillCommand;
import dev.swarmsnap.cli.recover.RecoverCommand;
import dev.swarmsnap.cli.prune.PruneCommand;
import dev.swarmsnap.cli.repo.CopyCommand;
import dev.swarmsnap.cli.repo.ListCommand;
import dev.swarmsnap.cli.restore.RestoreCommand;
import dev.swarmsnap.cli.schedule.ScheduleCommand;
import dev.swarmsnap.cli.status.StatusCommand;
import dev.swarmsnap.cli.verify.VerifyCommand;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code swarmsnap}: lists the subcommands; does nothing by itself. */
@Command(
    name = "swarmsnap",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Safe, verified backup and restore of Docker Swarm manager state.",
    subcommands = {
      StatusCommand.class,
      BackupCommand.class,
      InspectCommand.class,
      VerifyCommand.class,
      ExportCommand.class,
      DiffCommand.class,
      RestoreCommand.class,
      RecoverCommand.class,
      DrillCommand.class,
      ScheduleCommand.class,
      ListCommand.class,
      PruneCommand.class,
      CopyCommand.class,
      KeyCommand.class,
      ApplyCommand.class,
      LabCommand.class,
      AutoComplete.GenerateCompletion.class,
    },
    footer = {"", "Run 'swarmsnap COMMAND --help' for a command's options; --debug adds stack traces."})
public final class RootCommand implements Runnable {
  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Print stack traces with errors.")
  boolean debug;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
