package dev.swarmsnap.cli.lab;

import dev.swarmsnap.cli.CliContext;
import dev.swarmsnap.cli.JsonOutput;
import dev.swarmsnap.cli.OutputOptions;
import dev.swarmsnap.lab.Lab;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code swarmsnap lab ls}: the lab's nodes, their roles, the leader and whether they run. */
@Command(
    mixinStandardHelpOptions = true,
    name = "ls",
    description = "List the nodes of a lab (role, leader, address, running, engine version).")
public final class LabLsCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin LabOptions lab;
  @Mixin OutputOptions output;

  public LabLsCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Lab opened = LabWiring.labs(context).open(lab.name());
    List<NodeRow> rows = NodeRow.of(opened);
    if (output.json()) {
      new JsonOutput().print(context.out(), rows);
    } else {
      context.out().printf("lab '%s' (%s, %s, engine %s)%n", opened.name(), opened.subnet(), opened.dir(), opened.dockerd());
      NodeTable.print(context.out(), rows);
      context.out().flush();
    }
    return 0;
  }
}
