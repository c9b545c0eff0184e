package dev.swarmsnap.cli.lab;

import dev.swarmsnap.cli.CliContext;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code swarmsnap lab unlock NODE}: unlocks an autolocked node with the lab's stored key. */
@Command(
    mixinStandardHelpOptions = true,
    name = "unlock",
    description = "Unlock a restarted node of an autolocked lab with the lab's key.")
public final class LabUnlockCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin LabOptions lab;

  @Parameters(paramLabel = "NODE", description = "Node name, e.g. m2.")
  String node;

  public LabUnlockCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    LabWiring.labs(context).open(lab.name()).unlock(node);
    context.out().println(node + " unlocked");
    context.out().flush();
    return 0;
  }
}
