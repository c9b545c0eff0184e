package dev.swarmsnap.core.restore;

import dev.swarmsnap.engine.EngineClient;
import dev.swarmsnap.engine.EngineControl;
import dev.swarmsnap.engine.EngineRequestException;
import dev.swarmsnap.engine.EngineUnreachableException;
import dev.swarmsnap.engine.LocalNodeState;
import dev.swarmsnap.engine.NodeRole;
import dev.swarmsnap.engine.SwarmInfo;
import dev.swarmsnap.engine.SwarmNode;
import dev.swarmsnap.engine.process.EngineOutage;
import dev.swarmsnap.engine.process.OutageSettings;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The part of a restore that changes things: stop the engine, swap the swarm directory, start,
 * {@code --force-new-cluster}, wait for leadership, remove stale managers. Any failure before the
 * node leads is rolled back (engine stopped, directories renamed back, engine started) and reported
 * with where everything is. The engine restarts on every path ({@link EngineOutage}).
 */
final class RestoreRun {
  /** The engine answers only after its swarm start times out without a leader: ~20 s (lab-notes §4.2). */
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration LEADER_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration POLL = Duration.ofMillis(200);

  private final Clock clock;
  private final RestoreRequest request;
  private final EngineClient engine;
  private final EngineControl control;
  private final RestoreListener listener;
  private final List<String> done = new ArrayList<>();

  RestoreRun(Clock clock, RestoreRequest request, EngineClient engine, EngineControl control, RestoreListener listener) {
    this.clock = clock;
    this.request = request;
    this.engine = engine;
    this.control = control;
    this.listener = listener;
  }

  /** What was done, and when the outage began and ended. */
  record Outcome(List<String> stepsDone, List<String> removedManagers, boolean movedAside, Instant stoppedAt, Instant ledAt) {}

  Outcome execute(RestoreFacts facts, RestorePlan plan, Path restored, String stamp) {
    boolean wasRunning = control.isRunning();
    SwarmDirectorySwap swap = new SwarmDirectorySwap(facts.swarmDir(), facts.aside(), restored,
        facts.swarmDir().resolveSibling(facts.swarmDir().getFileName() + ".failed-restore-" + stamp));
    OutageSettings settings = new OutageSettings(
        request.runDir(), request.maxDowntime(), STOP_TIMEOUT, Duration.ofSeconds(60), Optional.empty());
    Instant stoppedAt;
    Instant ledAt;
    if (wasRunning) {
      listener.step("stopping the engine (" + control.describe() + ")");
    }
    try (EngineOutage outage = wasRunning
        ? EngineOutage.begin(control, settings, clock.instant())
        : EngineOutage.beginStopped(control, settings, clock.instant())) {
      stoppedAt = outage.stoppedAt();
      record(wasRunning ? "engine stopped" : "engine was stopped already");
      try {
        swap.swap();
        record(swap.movedAside()
            ? "moved " + facts.swarmDir() + " aside to " + facts.aside() + "; restored state in place"
            : "restored state in place at " + facts.swarmDir());
        listener.step("starting the engine");
        outage.restart();
        waitFor(engine::ping, START_TIMEOUT, "the engine's API did not answer after the start");
        record("engine started");
        checkVersion(facts);
        listener.step("swarm init --force-new-cluster --advertise-addr " + facts.advertiseAddr());
        engine.swarmInit(true, facts.advertiseAddr(), facts.listenAddr());
        String nodeId = facts.manifest().node().nodeId();
        waitFor(() -> isReadyLeader(nodeId), LEADER_TIMEOUT, "the node did not become an active, ready leader");
        ledAt = clock.instant();
        record("force-new-cluster done; node " + nodeId + " is the leader");
      } catch (RuntimeException e) {
        throw rollBack(e, swap);
      }
    }
    List<String> removed = removeStaleManagers(facts.manifest().node().nodeId());
    return new Outcome(done, removed, swap.movedAside(), stoppedAt, ledAt);
  }

  private void checkVersion(RestoreFacts facts) {
    if (facts.engineVersion().isPresent()) {
      return;
    }
    String current = engine.version().version();
    String backup = facts.manifest().engine().engineVersion();
    if (EngineVersionOrder.compare(current, backup) < 0) {
      throw new SwarmsnapException(ExitCode.UNSAFE,
          "this engine (" + current + ") is older than the one that wrote the backup (" + backup + ")",
          "restore on an engine of version " + backup + " or newer");
    }
  }

  private boolean isReadyLeader(String nodeId) {
    try {
      SwarmInfo swarm = engine.info().swarm();
      if (swarm.state() != LocalNodeState.ACTIVE || !swarm.controlAvailable() || swarm.hasError()) {
        return false;
      }
      SwarmNode self = engine.node(nodeId);
      return self.isLeader() && "ready".equals(self.state());
    } catch (EngineRequestException | EngineUnreachableException notYet) {
      return false;
    }
  }

  /**
   * Managers of the old cluster other than this node come back as {@code unknown}/{@code down}
   * entries without a raft membership; {@code node rm} removes them without demotion (lab-notes §4.2).
   */
  private List<String> removeStaleManagers(String selfId) {
    List<String> removed = new ArrayList<>();
    List<SwarmNode> nodes;
    try {
      nodes = engine.nodes();
    } catch (RuntimeException e) {
      listener.warn("could not list nodes to remove stale managers: " + e.getMessage());
      return removed;
    }
    for (SwarmNode node : nodes) {
      if (node.id().equals(selfId) || node.role() != NodeRole.MANAGER || "ready".equals(node.state())) {
        continue;
      }
      listener.step("removing stale manager " + node.hostname() + " (" + node.id() + ", " + node.state() + ")");
      try {
        engine.removeNode(node.id(), false);
        removed.add(node.hostname());
      } catch (EngineRequestException e) {
        listener.warn("could not remove stale manager " + node.hostname() + ": " + e.getMessage()
            + "; remove it with 'docker node rm --force " + node.id() + "'");
      }
    }
    if (!removed.isEmpty()) {
      record("removed stale managers: " + String.join(", ", removed));
    }
    return removed;
  }

  private SwarmsnapException rollBack(RuntimeException cause, SwarmDirectorySwap swap) {
    listener.warn("restore failed (" + cause.getMessage() + "); rolling back");
    List<String> notes = new ArrayList<>();
    try {
      if (control.isRunning()) {
        control.stop(STOP_TIMEOUT);
      }
      notes.add(swap.undo());
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
      notes.add("rolling back failed too (" + e.getMessage() + "): check " + request.swarmDir().map(Path::toString)
          .orElse("the swarm directory") + " and the *.before-restore-* directory next to it by hand");
    }
    try {
      if (!control.isRunning()) {
        control.start(Duration.ofSeconds(60));
      }
      // a start command may return as soon as dockerd is launched: the engine is back once it answers
      waitFor(engine::ping, START_TIMEOUT, "the engine was started again but its API did not answer");
      notes.add("the engine was started again and answers");
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
      notes.add("the engine could not be started (" + e.getMessage() + "); start it by hand: "
          + String.join(" && ", control.manualStartInstructions()));
    }
    return new SwarmsnapException(
        cause instanceof SwarmsnapException s ? s.exitCode() : ExitCode.FAILED,
        "restore failed and was rolled back: " + cause.getMessage() + ". " + String.join("; ", notes),
        cause instanceof SwarmsnapException s ? s.hint().orElse(null) : null,
        cause);
  }

  private void record(String step) {
    done.add(step);
  }

  private void waitFor(BooleanSupplier condition, Duration timeout, String failure) {
    Instant deadline = clock.instant().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (clock.instant().isAfter(deadline)) {
        throw new SwarmsnapException(ExitCode.FAILED, failure + " within " + timeout.toSeconds() + " s",
            "look at the engine's log");
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SwarmsnapException(ExitCode.FAILED, "interrupted while waiting for the engine", null, e);
      }
    }
  }
}
