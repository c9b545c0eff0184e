package dev.swarmsnap.cli.lab;

import dev.swarmsnap.cli.CliContext;
import dev.swarmsnap.lab.Lab;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code swarmsnap lab start NODE}: runs the node's start.sh and waits until the engine answers. */
@Command(
    mixinStandardHelpOptions = true,
    name = "start",
    description = "Start a node's dockerd (its start.sh) and wait until it answers.")
public final class LabStartCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin LabOptions lab;

  @Parameters(paramLabel = "NODE", description = "Node name, e.g. m2.")
  String node;

  public LabStartCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Lab opened = LabWiring.labs(context).open(lab.name());
    boolean wasRunning = opened.running(node);
    opened.start(node);
    context.out().println(wasRunning ? node + " was already running" : node + " started");
    // Ask the engine: a wiped node has no swarm state, so there is nothing to unlock.
    if (!wasRunning && opened.unlockKey().isPresent() && opened.locked(node)) {
      context.out().printf("%s is autolocked: swarmsnap lab unlock --name %s %s%n", node, lab.name(), node);
    }
    context.out().flush();
    return 0;
  }
}
