package dev.swarmsnap.cli.lab;

import dev.swarmsnap.cli.CliContext;
import dev.swarmsnap.cli.JsonOutput;
import dev.swarmsnap.cli.OutputOptions;
import dev.swarmsnap.lab.Lab;
import dev.swarmsnap.lab.LabNode;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code swarmsnap lab add-node}: one more node, joined through the current leader. */
@Command(
    mixinStandardHelpOptions = true,
    name = "add-node",
    description = "Add a node to a lab and join it to the swarm.")
public final class LabAddNodeCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin LabOptions lab;
  @Mixin OutputOptions output;

  @Option(
      names = "--role",
      paramLabel = "ROLE",
      defaultValue = "worker",
      description = "manager or worker (default: ${DEFAULT-VALUE}).")
  LabNode.Role role;

  public LabAddNodeCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Lab opened = LabWiring.labs(context).open(lab.name());
    LabNode added = opened.addNode(role);
    NodeRow row = NodeRow.of(opened, added, Optional.empty());
    if (output.json()) {
      new JsonOutput().print(context.out(), row);
    } else {
      context.out().printf(
          "added %s (%s, %s): export DOCKER_HOST=%s%n", added.name(), role.label(), added.address(), added.dockerHost());
      context.out().flush();
    }
    return 0;
  }
}
