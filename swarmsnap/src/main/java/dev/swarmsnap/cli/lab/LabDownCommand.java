package dev.swarmsnap.cli.lab;

import dev.swarmsnap.cli.CliContext;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code swarmsnap lab down}: stops the daemons and removes everything the lab made. */
@Command(
    mixinStandardHelpOptions = true,
    name = "down",
    description = "Stop a lab's daemons and remove its namespaces, links, mounts, directories and registry entry.")
public final class LabDownCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin LabOptions lab;

  public LabDownCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    long started = context.clock().millis();
    LabWiring.labs(context).open(lab.name()).down();
    context.out().printf("lab '%s' is down (%.1f s)%n", lab.name(), (context.clock().millis() - started) / 1000.0);
    context.out().flush();
    return 0;
  }
}
