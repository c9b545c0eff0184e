package dev.swarmsnap.cli.lab;

import dev.swarmsnap.cli.CliContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code swarmsnap lab}: throw-away swarms of real dockerd processes on this machine. */
@Command(
    mixinStandardHelpOptions = true,
    name = "lab",
    description = {
      "Build throw-away swarms of real Docker engines on this machine, one network namespace per node,",
      "to try swarmsnap and rehearse a disaster. Needs root and docker.io; nothing leaves the machine."
    },
    subcommands = {
      LabUpCommand.class,
      LabLsCommand.class,
      LabEnvCommand.class,
      LabStopCommand.class,
      LabStartCommand.class,
      LabKillCommand.class,
      LabWipeCommand.class,
      LabAddNodeCommand.class,
      LabUnlockCommand.class,
      LabDownCommand.class,
    })
public final class LabCommand implements Runnable {
  @Spec CommandSpec spec;

  public LabCommand(CliContext context) {
    // Nothing to keep: subcommands get the context themselves.
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
