package dev.swarmsnap.lab;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * One node of a lab: a network namespace with one dockerd, and where its files live.
 *
 * @param name node name within the lab: {@code m1..mN} for managers, {@code w1..wM} for workers
 * @param role the role the node was created with (a later promote/demote is not tracked)
 * @param address IPv4 address of the node's {@code eth0}, inside 10.231.0.0/16
 * @param netns network namespace name, as listed by {@code ip netns list}
 * @param dir the node's directory (daemon.json, data, exec, socket, pidfile, log, start.sh)
 * @param socket the engine API socket; {@code DOCKER_HOST=unix://<socket>}
 * @param pidFile written by dockerd; holds the pid to signal to stop it
 * @param dataRoot dockerd's {@code --data-root}
 * @param swarmDir {@code <dataRoot>/swarm}, the state a backup is made of
 * @param hostname the node's hostname as {@code docker node ls} shows it ({@code <lab>-<node>})
 * @param startScript starts this node's dockerd exactly as the lab does, then returns
 */
public record LabNode(
    String name,
    Role role,
    String address,
    String netns,
    Path dir,
    Path socket,
    Path pidFile,
    Path dataRoot,
    Path swarmDir,
    String hostname,
    Path startScript) {

  /** The role a node joins the swarm with. */
  public enum Role {
    MANAGER("m"),
    WORKER("w");

    private final String prefix;

    Role(String prefix) {
      this.prefix = prefix;
    }

    /** First letter of node names with this role. */
    public String prefix() {
      return prefix;
    }

    /** {@code manager} or {@code worker}, as docker spells it. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public LabNode {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(netns, "netns");
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(socket, "socket");
    Objects.requireNonNull(pidFile, "pidFile");
    Objects.requireNonNull(dataRoot, "dataRoot");
    Objects.requireNonNull(swarmDir, "swarmDir");
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(startScript, "startScript");
  }

  /** {@code unix://<socket>}, the value for {@code DOCKER_HOST} and {@code docker -H}. */
  public String dockerHost() {
    return "unix://" + socket;
  }

  public boolean isManager() {
    return role == Role.MANAGER;
  }
}
