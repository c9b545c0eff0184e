package dev.swarmsnap.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A running lab: real dockerd processes forming one swarm, each node in its own network namespace.
 * Obtained from {@link Labs#up(LabSpec)} or {@link Labs#open(String)}; {@link #close()} brings it
 * down. Node arguments are node names ({@code m1}, {@code w1}); an unknown name throws
 * {@link LabException} NOT_FOUND. Methods are synchronized: one lab may be shared by test threads.
 */
public final class Lab implements AutoCloseable {
  private final LabHost host;
  private LabState state;
  private boolean down;

  Lab(LabHost host, LabState state) {
    this.host = host;
    this.state = state;
  }

  public String name() {
    return state.name();
  }

  /** The lab directory (node dirs, unlock key). */
  public synchronized Path dir() {
    return state.layout().dir();
  }

  /** The lab's subnet, {@code 10.231.k.0/24}. */
  public synchronized String subnet() {
    return state.layout().subnet();
  }

  /** The hub namespace holding the bridge every node is attached to. */
  public synchronized String hubNetns() {
    return state.layout().hubNetns();
  }

  /** All nodes, in creation order (added nodes last). */
  public synchronized List<LabNode> nodes() {
    return state.labNodes();
  }

  /** The node called {@code name}; throws NOT_FOUND listing the lab's nodes. */
  public synchronized LabNode node(String name) {
    return nodes().stream()
        .filter(n -> n.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new LabException(
                    LabException.Kind.NOT_FOUND,
                    "lab '" + name() + "' has no node '" + name + "'",
                    "its nodes are " + String.join(", ", nodes().stream().map(LabNode::name).toList())));
  }

  /** The dockerd binary every node of this lab runs, as chosen at {@code up}. */
  public synchronized Path dockerd() {
    return engine().dockerd();
  }

  /**
   * The version of the engine a node runs, e.g. {@code 28.5.2}: asked of the engine when it runs,
   * else of the lab's dockerd binary. Empty when neither answers.
   */
  public synchronized Optional<String> engineVersion(String node) {
    LabNode target = node(node);
    if (host.daemons().running(target)) {
      CommandResult asked =
          host.docker().run(target, host.settings().commandTimeout(), null, "version", "--format", "{{.Server.Version}}");
      Optional<String> version = EngineBinary.parseVersion("Docker version " + asked.stdout().strip());
      if (asked.ok() && version.isPresent()) {
        return version;
      }
    }
    CommandResult binary = host.runner().run(List.of(dockerd().toString(), "--version"), host.settings().commandTimeout());
    return binary.ok() ? EngineBinary.parseVersion(binary.stdout()) : Optional.empty();
  }

  /** Whether a running node's engine reports its swarm as locked (an autolocked manager after a restart). */
  public synchronized boolean locked(String node) {
    CommandResult info =
        host.docker().run(node(node), host.settings().commandTimeout(), null, "info", "--format", "{{.Swarm.LocalNodeState}}");
    return info.ok() && info.stdout().strip().equals("locked");
  }

  /** Whether the node's dockerd process is alive (a zombie or a stale pidfile count as not running). */
  public synchronized boolean running(String node) {
    return host.daemons().running(node(node));
  }

  /** SIGTERM, wait for the exit; SIGKILL after {@link LabSettings#stopTimeout()}. */
  public synchronized StopOutcome stop(String node) {
    LabNode target = node(node);
    return host.daemons().stop(List.of(target)).get(target.name());
  }

  /**
   * Starts the node's dockerd with its {@code start.sh} and waits until it answers {@code /_ping}.
   * An autolocked manager comes up locked; {@link #unlock(String)} it. A no-op if it already runs.
   */
  public synchronized void start(String node) {
    LabNode target = node(node);
    if (!host.daemons().running(target)) {
      host.privileges().requireRoot("lab start");
      host.daemons().start(target);
    }
  }

  /** SIGKILL to the node's dockerd, as a crash; returns false if it was not running. */
  public synchronized boolean kill(String node) {
    return host.daemons().kill(node(node));
  }

  /**
   * Simulates a lost disk: stops the node (if running) and deletes its swarm directory. The node
   * stays stopped; {@link #start(String)} brings it up with no swarm state.
   */
  public synchronized StopOutcome wipe(String node) {
    LabNode target = node(node);
    StopOutcome outcome = host.daemons().stop(List.of(target)).get(target.name());
    List<String> busy = host.mounts().unmountAll(target.swarmDir());
    if (!busy.isEmpty()) {
      throw new LabException(LabException.Kind.FAILED, "cannot wipe " + node + ": " + busy, null);
    }
    deleteTree(target.swarmDir());
    return outcome;
  }

  /**
   * Adds a node of {@code role} (numbering continues: {@code m4}, {@code w2}), starts it and joins
   * it to the swarm through the current leader.
   *
   * @throws LabException FAILED when no leader answers, or the node cannot start or join; the node
   *     stays registered so {@link #down()} removes it
   */
  public synchronized LabNode addNode(LabNode.Role role) {
    host.privileges().requireRoot("lab add-node");
    String leader = leader();
    state =
        host.registry().locked(() -> {
          LabState fresh = host.registry().read(name()).orElse(state).withNextNode(role);
          host.registry().write(fresh);
          return fresh;
        });
    LabState.NodeEntry entry = state.lastNode();
    LabNode added = state.layout().node(entry.name(), entry.role(), entry.index());
    host.network().create(state.layout(), List.of(added), false);
    host.files().write(added, name(), engine());
    host.daemons().start(added);
    host.swarm().join(added, node(leader));
    return added;
  }

  /**
   * Unlocks an autolocked node with the lab's key. Bounded by the command timeout: unlock blocks
   * on a node that cannot reach a leader (docs/engine-behaviour.md §4.5).
   */
  public synchronized void unlock(String node) {
    LabNode target = node(node);
    String key =
        unlockKey()
            .orElseThrow(
                () -> new LabException(LabException.Kind.NOT_FOUND, "lab '" + name() + "' is not autolocked: it has no unlock key", null));
    host.docker().run(target, host.settings().commandTimeout(), key + "\n", "swarm", "unlock").requireOk("unlock " + node);
  }

  /** The key printed at {@code swarm init --autolock}, as stored in the lab dir; empty without autolock. */
  public synchronized Optional<String> unlockKey() {
    Path file = state.layout().unlockKeyFile();
    try {
      return Files.exists(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
    } catch (IOException e) {
      throw new LabException(LabException.Kind.FAILED, "cannot read " + file + ": " + e.getMessage(), null, e);
    }
  }

  /** Where the unlock key is stored (mode 0600), whether or not the lab is autolocked. */
  public synchronized Path unlockKeyFile() {
    return state.layout().unlockKeyFile();
  }

  /**
   * The name of the current leader, asked of the running managers.
   *
   * @throws LabException FAILED when no manager can name one (all down, locked or without quorum)
   */
  public synchronized String leader() {
    return findLeader()
        .orElseThrow(
            () ->
                new LabException(
                    LabException.Kind.FAILED,
                    "no manager of lab '" + name() + "' reports a leader",
                    "check that a majority of managers runs: swarmsnap lab ls --name " + name()));
  }

  /** The current leader's node name, or empty when no running manager knows one. */
  public synchronized Optional<String> findLeader() {
    List<LabNode> managers = nodes().stream().filter(LabNode::isManager).filter(n -> host.daemons().running(n)).toList();
    Map<String, String> byHostname = new java.util.HashMap<>();
    nodes().forEach(n -> byHostname.put(n.hostname(), n.name()));
    return host.swarm().leaderHostname(managers).map(byHostname::get);
  }

  /** Runs {@code docker -H unix://<socket of node> args...}; never throws on a non-zero exit. */
  public CommandResult docker(String node, Duration timeout, String... args) {
    return host.docker().run(node(node), timeout, null, args);
  }

  /** As {@link #docker(String, Duration, String...)}, feeding {@code stdin} to the command. */
  public CommandResult dockerWithStdin(String node, Duration timeout, String stdin, String... args) {
    return host.docker().run(node(node), timeout, stdin, args);
  }

  /**
   * Stops every daemon, removes namespaces, links, mounts, the lab dir and the registry entry.
   * Idempotent.
   *
   * @throws LabException FAILED naming what is left over
   */
  public synchronized void down() {
    if (down) {
      return;
    }
    host.privileges().requireRoot("lab down");
    LabState current = host.registry().read(name()).orElse(state);
    new LabTeardown(host).run(current);
    down = true;
  }

  @Override
  public void close() {
    down();
  }

  private EngineBinary engine() {
    return state.engine(() -> host.tools().path("dockerd"));
  }

  private static void deleteTree(Path dir) {
    try {
      TreeDeletion.delete(dir);
    } catch (IOException e) {
      throw new LabException(LabException.Kind.FAILED, "cannot delete " + dir + ": " + e, null, e);
    }
  }
}
