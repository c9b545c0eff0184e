package dev.swarmsnap.cli.lab;

import dev.swarmsnap.cli.CliContext;
import dev.swarmsnap.lab.Lab;
import dev.swarmsnap.lab.StopOutcome;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code swarmsnap lab wipe NODE}: stop the node and delete its swarm dir, to simulate a lost disk. */
@Command(
    mixinStandardHelpOptions = true,
    name = "wipe",
    description = "Stop a node and delete its swarm state, to simulate a lost disk.")
public final class LabWipeCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin LabOptions lab;

  @Parameters(paramLabel = "NODE", description = "Node name, e.g. m2.")
  String node;

  public LabWipeCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Lab opened = LabWiring.labs(context).open(lab.name());
    StopOutcome outcome = opened.wipe(node);
    if (outcome != StopOutcome.ALREADY_STOPPED) {
      context.out().println(LabStopCommand.describe(node, outcome));
    }
    context.out().printf(
        "%s: deleted %s; the node stays stopped ('swarmsnap lab start --name %s %s' brings it up with no swarm)%n",
        node, opened.node(node).swarmDir(), lab.name(), node);
    context.out().flush();
    return 0;
  }
}
