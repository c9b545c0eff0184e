package dev.swarmsnap.lab;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Forms and queries the swarm through the {@code docker} CLI: init, join, keys, leader. */
final class SwarmFormation {
  /** Leader queries must stay quick even when a manager has lost quorum. */
  private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(10);

  private final DockerCommand docker;
  private final Duration timeout;

  SwarmFormation(DockerCommand docker, Duration timeout) {
    this.docker = docker;
    this.timeout = timeout;
  }

  void init(LabNode first, boolean autolock) {
    if (autolock) {
      docker.run(first, timeout, null, "swarm", "init", "--autolock", "--advertise-addr", first.address())
          .requireOk("init the swarm on " + first.name());
    } else {
      docker.run(first, timeout, null, "swarm", "init", "--advertise-addr", first.address())
          .requireOk("init the swarm on " + first.name());
    }
  }

  /** Joins {@code node} through the manager {@code via}, with the token for its role. */
  void join(LabNode node, LabNode via) {
    String token =
        docker.run(via, timeout, null, "swarm", "join-token", "-q", node.role().label())
            .requireOk("get a " + node.role().label() + " join token from " + via.name())
            .stdout()
            .strip();
    docker.run(node, timeout, null, "swarm", "join", "--token", token, "--advertise-addr", node.address(), via.address() + ":2377")
        .requireOk("join " + node.name() + " to the swarm via " + via.name());
  }

  String unlockKey(LabNode manager) {
    return docker.run(manager, timeout, null, "swarm", "unlock-key", "-q")
        .requireOk("read the unlock key from " + manager.name())
        .stdout()
        .strip();
  }

  /**
   * The hostname of the leader, asked of each given manager in turn until one knows; the first
   * answer wins. Empty when no manager answers (stopped, locked or without quorum).
   */
  Optional<String> leaderHostname(List<LabNode> managers) {
    for (LabNode manager : managers) {
      CommandResult result =
          docker.run(manager, QUERY_TIMEOUT, null, "node", "ls", "--format", "{{.Hostname}} {{.ManagerStatus}}");
      if (result.ok()) {
        Optional<String> leader =
            result.stdout().lines()
                .map(String::strip)
                .filter(line -> line.endsWith(" Leader"))
                .map(line -> line.substring(0, line.length() - " Leader".length()))
                .findFirst();
        if (leader.isPresent()) {
          return leader;
        }
      }
    }
    return Optional.empty();
  }
}
