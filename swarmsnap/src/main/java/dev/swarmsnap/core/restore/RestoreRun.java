package dev.swarmsnap.core.restore;

import dev.swarmsnap.core.replace.SwarmDirectorySwap;
import dev.swarmsnap.core.replace.SwapRollback;
import dev.swarmsnap.core.replace.EngineWait;
import dev.swarmsnap.core.replace.RestoreListener;
import dev.swarmsnap.core.replace.RestorePlan;
import dev.swarmsnap.engine.EngineClient;
import dev.swarmsnap.engine.EngineControl;
import dev.swarmsnap.engine.EngineRequestException;
import dev.swarmsnap.engine.NodeRole;
import dev.swarmsnap.engine.SwarmNode;
import dev.swarmsnap.engine.process.EngineOutage;
import dev.swarmsnap.engine.process.OutageSettings;
import dev.swarmsnap.engine.process.SwapJournal;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The part of a restore that changes things: stop the engine, swap the swarm directory, start the
 * engine on the one-manager state {@link OneManagerStart} prepared (it leads without {@code
 * --force-new-cluster}), wait for leadership, remove stale managers. Any failure before the node
 * leads is rolled back (engine stopped, directories renamed back, engine started) and reported with
 * where everything is. The engine restarts on every path ({@link EngineOutage}).
 */
final class RestoreRun {
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

  private final Clock clock;
  private final RestoreRequest request;
  private final EngineClient engine;
  private final EngineControl control;
  private final RestoreListener listener;
  private final EngineWait wait;
  private final SwapRollback rollback;
  private final List<String> done = new ArrayList<>();

  RestoreRun(Clock clock, RestoreRequest request, EngineClient engine, EngineControl control, RestoreListener listener) {
    this.clock = clock;
    this.request = request;
    this.engine = engine;
    this.control = control;
    this.listener = listener;
    this.wait = new EngineWait(clock, engine);
    this.rollback = new SwapRollback("restore", request.swarmDir().map(Path::toString).orElse("the swarm directory"),
        control, Optional.of(wait), listener);
  }

  /** What was done, and when the outage began and ended. */
  record Outcome(
      List<String> stepsDone, List<String> removedManagers, boolean movedAside, Instant stoppedAt, Instant startedAt,
      Instant ledAt) {}

  Outcome execute(RestoreFacts facts, RestorePlan plan, Path restored, String stamp) {
    boolean wasRunning = control.isRunning();
    SwarmDirectorySwap swap = new SwarmDirectorySwap("restore", facts.swarmDir(), facts.aside(), restored,
        facts.swarmDir().resolveSibling(facts.swarmDir().getFileName() + ".failed-restore-" + stamp));
    // If swarmsnap dies, the watchdog removes the working directory of the extraction: it holds the node's keys.
    OutageSettings settings = new OutageSettings(
        request.runDir(), request.maxDowntime(), STOP_TIMEOUT, Duration.ofSeconds(60), Optional.of(facts.staging()))
        .withApi(engine).withSwapJournal(SwapJournal.fileFor(facts.swarmDir())).withPhases(listener::reached);
    Instant stoppedAt;
    Instant startedAt;
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
        swap.swap(outage::reached);
        record(swap.movedAside()
            ? "moved " + facts.swarmDir() + " aside to " + facts.aside() + "; restored state in place"
            : "restored state in place at " + facts.swarmDir());
        listener.step("starting the engine");
        startedAt = clock.instant();
        outage.restart();
        wait.untilAnswers("the engine's API did not answer after the start");
        record("engine started");
        String nodeId = facts.manifest().node().nodeId();
        wait.untilReadyLeader(nodeId);
        ledAt = clock.instant();
        swap.commit();
        record("node " + nodeId + " leads the one-manager cluster");
      } catch (RuntimeException e) {
        throw rollback.rollBack(e, swap);
      }
    }
    List<String> removed = removeStaleManagers(facts.manifest().node().nodeId());
    return new Outcome(done, removed, swap.movedAside(), stoppedAt, startedAt, ledAt);
  }

  /**
   * Managers of the old cluster other than this node come back as {@code unknown}/{@code down}
   * entries without a raft membership; {@code node rm} removes them without demotion (docs/engine-behaviour.md §4.2).
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

  private void record(String step) {
    done.add(step);
  }
}
