package dev.swarmsnap.cli.lab;

import dev.swarmsnap.cli.CliContext;
import dev.swarmsnap.cli.JsonOutput;
import dev.swarmsnap.cli.OutputOptions;
import dev.swarmsnap.lab.Lab;
import dev.swarmsnap.lab.LabSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code swarmsnap lab up}: creates the nodes, starts their engines and forms the swarm. */
@Command(
    mixinStandardHelpOptions = true,
    name = "up",
    description = "Create a lab: N managers and M workers, each a dockerd in its own network namespace.")
public final class LabUpCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin LabOptions lab;
  @Mixin OutputOptions output;

  @Option(names = "--managers", paramLabel = "N", defaultValue = "3", description = "Managers (default: ${DEFAULT-VALUE}).")
  int managers;

  @Option(names = "--workers", paramLabel = "M", defaultValue = "1", description = "Workers (default: ${DEFAULT-VALUE}).")
  int workers;

  @Option(names = "--autolock", description = "Init the swarm with --autolock; the key is kept in the lab dir (mode 0600).")
  boolean autolock;

  @Option(names = "--dir", paramLabel = "D", description = "Lab directory (default: /var/lib/swarmsnap/labs/NAME).")
  Path dir;

  @Option(
      names = "--dockerd",
      paramLabel = "PATH",
      description = {
        "The dockerd binary every node runs (default: dockerd on PATH), e.g. one unpacked by scripts/engines.sh.",
        "Its own folders go first on its PATH (docker-proxy, docker-init); the lab keeps using it on start and add-node."
      })
  Path dockerd;

  @Option(names = "--empty", description = "Skip the sample secret, config, network and services.")
  boolean empty;

  public LabUpCommand(CliContext context) {
    this.context = context;
  }

  /** What {@code lab up --json} prints. */
  record UpResult(
      String name, String subnet, String dir, String dockerd, double seconds, Optional<String> unlockKeyFile, List<NodeRow> nodes) {}

  @Override
  public Integer call() {
    LabSpec spec = new LabSpec(lab.name(), managers, workers, autolock, Optional.ofNullable(dir), !empty);
    long started = context.clock().millis();
    Lab created = (dockerd == null ? LabWiring.labs(context) : LabWiring.labs(context, dockerd)).up(spec);
    double seconds = (context.clock().millis() - started) / 1000.0;
    List<NodeRow> rows = NodeRow.of(created);
    Optional<String> keyFile = created.unlockKey().map(key -> created.unlockKeyFile().toString());
    if (output.json()) {
      new JsonOutput().print(context.out(), new UpResult(
              created.name(), created.subnet(), created.dir().toString(), created.dockerd().toString(), seconds, keyFile, rows));
      return 0;
    }
    PrintWriter out = context.out();
    out.printf(
        "lab '%s' is up in %.1f s: %d manager(s), %d worker(s) in %s, files in %s, engine %s%n",
        created.name(), seconds, managers, workers, created.subnet(), created.dir(), created.dockerd());
    NodeTable.print(out, rows);
    out.println();
    out.println("Reach a node with plain docker:");
    for (NodeRow row : rows) {
      out.printf("  %-4s export DOCKER_HOST=unix://%s%n", row.name(), row.socket());
    }
    out.printf("or point swarmsnap at it: eval \"$(swarmsnap lab env --name %s m1)\"%n", created.name());
    keyFile.ifPresent(
        file ->
            out.printf(
                "unlock key: %s (mode 0600, kept beside this throw-away test lab; never keep a real key like that)%n",
                file));
    out.printf("remove it all with: swarmsnap lab down --name %s%n", created.name());
    out.flush();
    return 0;
  }
}
