package dev.swarmsnap.testing.fakes;

import dev.swarmsnap.engine.LocalNodeState;
import dev.swarmsnap.engine.ManagerStatus;
import dev.swarmsnap.engine.NodeRole;
import dev.swarmsnap.engine.SwarmInfo;
import dev.swarmsnap.engine.SwarmNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A pretend dockerd for unit tests of the runs that stop and start the engine: one manager of a
 * swarm, seen through {@link FakeEngineClient} (the Engine API) and {@link FakeEngineControl} (stop
 * and start). Whether it runs is a marker file, so a real {@link
 * dev.swarmsnap.engine.process.Watchdog} process can check and start it with shell commands too.
 * Every call is logged ({@link #calls()}) for the tests' assertions. Faults are added by wrapping
 * the ports ({@link FaultyEngineClient}, {@link FaultyEngineControl}), not here.
 *
 * <p>Its identity is that of the {@code three} fixture's node (a follower in a 3-manager swarm), so
 * the fixture's swarm directory and this engine agree. Thread-safe.
 */
public final class FakeEngine {
  static final String NO_LEADER = "rpc error: code = Unknown desc = The swarm does not have a leader. It's possible"
      + " that too few managers are online. Make sure more than half of the managers are online.";
  public static final String NODE_ID = "pboc0aaql89if8o0hnwxormdt";
  public static final String HOSTNAME = "rdr-m2";
  public static final String ADDRESS = "10.231.250.22";
  private static final String CLUSTER_ID = "n1zwqyl7hk4b2hq1g03sdvfuk";
  private static final String LEADER_ID = "c3i4vzyqyk9lsc52i2pw31hm9";
  private static final String OTHER_ID = "zo4u4w6m8kzszp3db7nm0drk1";

  private final Path marker;
  private final Path dockerRootDir;
  private final List<String> calls = new ArrayList<>();
  private LocalNodeState state = LocalNodeState.ACTIVE;
  private boolean manager = true;
  private boolean quorum = true;
  private String leaderId = LEADER_ID;
  private List<String> otherManagers = new ArrayList<>(List.of(LEADER_ID, OTHER_ID));
  private boolean othersStale;
  private Optional<String> autolockKey = Optional.empty();
  private List<SortedMap<String, byte[]>> apiViews = new ArrayList<>();

  /**
   * A running follower.
   *
   * @param home a fresh directory for the marker file
   * @param dockerRootDir what {@code /info} names as the data-root
   */
  public FakeEngine(Path home, Path dockerRootDir) {
    this.marker = home.resolve("engine.running");
    this.dockerRootDir = dockerRootDir;
    try {
      Files.createDirectories(home);
      Files.writeString(marker, "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public FakeEngineClient client() {
    return new FakeEngineClient(this);
  }

  public FakeEngineControl control() {
    return new FakeEngineControl(this);
  }

  /** This node leads the swarm. */
  public synchronized FakeEngine leading() {
    leaderId = NODE_ID;
    return this;
  }

  /** The only manager of its swarm. */
  public synchronized FakeEngine alone() {
    leaderId = NODE_ID;
    otherManagers = new ArrayList<>();
    return this;
  }

  /** A worker: no control API. */
  public synchronized FakeEngine worker() {
    manager = false;
    return this;
  }

  /** The other managers are gone: no leader, every manager call fails with the engine's own text. */
  public synchronized FakeEngine withoutQuorum() {
    quorum = false;
    leaderId = "";
    return this;
  }

  /** Autolock on with {@code key}; after a start the node is locked until unlocked with it. */
  public synchronized FakeEngine autolocked(String key) {
    autolockKey = Optional.of(key);
    return this;
  }

  /**
   * The API's documents: one map per {@code apiSnapshot} call in turn, the last for every call after
   * it (the cluster's writes between the calls). Unset: the cluster document and the version only.
   */
  public synchronized FakeEngine apiViews(List<SortedMap<String, byte[]>> views) {
    apiViews = new ArrayList<>(views);
    return this;
  }

  /** The documents of the next {@code apiSnapshot} call, if {@link #apiViews} set them. */
  synchronized Optional<SortedMap<String, byte[]>> nextApiView() {
    if (apiViews.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(apiViews.size() > 1 ? apiViews.remove(0) : apiViews.get(0));
  }

  /** Locked now (autolock, after a restart). */
  public synchronized FakeEngine locked() {
    state = LocalNodeState.LOCKED;
    return this;
  }

  public boolean running() {
    return Files.exists(marker);
  }

  /** Shell-visible: the file that exists while the engine runs. */
  public Path marker() {
    return marker;
  }

  public Path dockerRootDir() {
    return dockerRootDir;
  }

  /** Every call so far, in order: {@code stop}, {@code start}, {@code GET /info}, {@code swarmInit force}... */
  public synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  /** How often {@code call} was made. */
  public synchronized long count(String call) {
    return calls.stream().filter(call::equals).count();
  }

  synchronized void log(String call) {
    calls.add(call);
  }

  synchronized void stopped() {
    try {
      Files.deleteIfExists(marker);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  synchronized void started() {
    try {
      Files.writeString(marker, "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    state = autolockKey.isPresent() ? LocalNodeState.LOCKED : LocalNodeState.ACTIVE;
  }

  synchronized SwarmInfo swarm() {
    boolean control = manager && state == LocalNodeState.ACTIVE;
    return new SwarmInfo(state, NODE_ID, ADDRESS, control, quorum || !manager ? "" : NO_LEADER,
        manager ? Optional.of(CLUSTER_ID) : Optional.empty(),
        manager ? Optional.of(autolockKey.isPresent()) : Optional.empty(),
        // Loopback ports nobody listens on: a quorum probe of the other managers gets a quick refusal.
        otherManagers.stream().map(id -> "127.0.0.1:" + (1 + otherManagers.indexOf(id))).toList());
  }

  synchronized List<SwarmNode> nodes() {
    List<SwarmNode> nodes = new ArrayList<>();
    nodes.add(node(NODE_ID, HOSTNAME));
    for (String id : otherManagers) {
      nodes.add(node(id, id.equals(LEADER_ID) ? "rdr-m1" : "rdr-m3"));
    }
    return nodes;
  }

  synchronized boolean hasQuorum() {
    return quorum;
  }

  synchronized boolean isManager() {
    return manager;
  }

  synchronized Optional<String> autolockKey() {
    return autolockKey;
  }

  synchronized void unlocked() {
    state = LocalNodeState.ACTIVE;
  }

  /** {@code swarm init --force-new-cluster}: this node leads alone; the others stay listed, down. */
  synchronized void forcedNewCluster() {
    quorum = true;
    leaderId = NODE_ID;
    othersStale = true;
  }

  synchronized void removed(String id) {
    otherManagers.remove(id);
  }

  private SwarmNode node(String id, String hostname) {
    boolean self = id.equals(NODE_ID);
    boolean stale = !self && othersStale;
    Optional<ManagerStatus> status = stale
        ? Optional.empty()
        : Optional.of(new ManagerStatus(id.equals(leaderId), "reachable", address(id) + ":2377"));
    return new SwarmNode(id, hostname, NodeRole.MANAGER, stale ? "down" : "ready", "active", address(id),
        "20.10.24+dfsg1", status);
  }

  private static String address(String id) {
    return switch (id) {
      case NODE_ID -> ADDRESS;
      case LEADER_ID -> "10.231.250.21";
      default -> "10.231.250.23";
    };
  }
}
