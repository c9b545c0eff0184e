package dev.swarmsnap.cli.lab;

import dev.swarmsnap.cli.CliContext;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code swarmsnap lab kill NODE}: SIGKILL to the node's dockerd, to simulate a crash. */
@Command(
    mixinStandardHelpOptions = true,
    name = "kill",
    description = "Kill a node's dockerd with SIGKILL, to simulate a crash.")
public final class LabKillCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin LabOptions lab;

  @Parameters(paramLabel = "NODE", description = "Node name, e.g. m2.")
  String node;

  public LabKillCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    boolean killed = LabWiring.labs(context).open(lab.name()).kill(node);
    context.out().println(killed ? node + " killed (SIGKILL)" : node + " was not running");
    context.out().flush();
    return 0;
  }
}
