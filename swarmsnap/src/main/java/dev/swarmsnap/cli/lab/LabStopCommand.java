package dev.swarmsnap.cli.lab;

import dev.swarmsnap.cli.CliContext;
import dev.swarmsnap.lab.StopOutcome;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code swarmsnap lab stop NODE}: SIGTERM to the node's dockerd, wait for it to exit. */
@Command(
    mixinStandardHelpOptions = true,
    name = "stop",
    description = "Stop a node's dockerd (SIGTERM; SIGKILL if it does not exit in time).")
public final class LabStopCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin LabOptions lab;

  @Parameters(paramLabel = "NODE", description = "Node name, e.g. m2.")
  String node;

  public LabStopCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    StopOutcome outcome = LabWiring.labs(context).open(lab.name()).stop(node);
    context.out().println(describe(node, outcome));
    context.out().flush();
    return 0;
  }

  static String describe(String node, StopOutcome outcome) {
    return switch (outcome) {
      case ALREADY_STOPPED -> node + " was not running";
      case STOPPED -> node + " stopped";
      case KILLED_AFTER_TIMEOUT -> node + " ignored SIGTERM past the stop timeout and was killed with SIGKILL";
    };
  }
}
