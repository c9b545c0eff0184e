package dev.swarmsnap.cli.lab;

import dev.swarmsnap.cli.CliContext;
import dev.swarmsnap.cli.JsonOutput;
import dev.swarmsnap.cli.OutputOptions;
import dev.swarmsnap.lab.LabNode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code swarmsnap lab env NODE}: shell exports after which swarmsnap and plain docker act on that
 * node as on a host's own engine. The variable names are a contract other commands rely on.
 */
@Command(
    mixinStandardHelpOptions = true,
    name = "env",
    description = {"Print shell exports that point swarmsnap and docker at a lab node.", "Use: eval \"$(swarmsnap lab env m1)\""})
public final class LabEnvCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin LabOptions lab;
  @Mixin OutputOptions output;

  @Parameters(paramLabel = "NODE", description = "Node name, e.g. m1 or w1.")
  String node;

  public LabEnvCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    dev.swarmsnap.lab.Lab opened = LabWiring.labs(context).open(lab.name());
    LabNode target = opened.node(node);
    Map<String, String> variables = variables(target, opened.dockerd());
    if (output.json()) {
      new JsonOutput().print(context.out(), variables);
      return 0;
    }
    PrintWriter out = context.out();
    out.printf(
        "# swarmsnap lab '%s', node %s (%s, %s)%n", lab.name(), target.name(), target.role().label(), target.address());
    variables.forEach((name, value) -> out.println("export " + name + "=" + value));
    out.flush();
    return 0;
  }

  static Map<String, String> variables(LabNode node, java.nio.file.Path dockerd) {
    Map<String, String> variables = new LinkedHashMap<>();
    variables.put("DOCKER_HOST", node.dockerHost());
    variables.put("SWARMSNAP_SWARM_DIR", node.swarmDir().toString());
    variables.put("SWARMSNAP_ENGINE_CONTROL", "pid");
    variables.put("SWARMSNAP_PIDFILE", node.pidFile().toString());
    variables.put("SWARMSNAP_START_CMD", node.startScript().toString());
    // Each lab node stands for a host of its own: its own host lock and watchdog files, so runs
    // against two nodes (or two labs) do not wait for each other.
    variables.put("SWARMSNAP_RUN_DIR", node.dir().resolve("run").toString());
    // The engine binary the node's start command runs: what restore asks for its version when the
    // engine is stopped.
    variables.put("SWARMSNAP_DOCKERD", dockerd.toString());
    return variables;
  }
}
