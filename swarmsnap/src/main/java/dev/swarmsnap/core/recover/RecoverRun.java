package dev.swarmsnap.core.recover;

import dev.swarmsnap.core.restore.AutolockHandover;
import dev.swarmsnap.core.restore.RestoreListener;
import dev.swarmsnap.core.restore.SwarmDirectorySwap;
import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.durable.TreeRemover;
import dev.swarmsnap.engine.EngineClient;
import dev.swarmsnap.engine.EngineControl;
import dev.swarmsnap.engine.EngineRequestException;
import dev.swarmsnap.engine.EngineUnreachableException;
import dev.swarmsnap.engine.LocalNodeState;
import dev.swarmsnap.engine.SwarmInfo;
import dev.swarmsnap.engine.SwarmNode;
import dev.swarmsnap.engine.process.EngineOutage;
import dev.swarmsnap.engine.process.OutageSettings;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.swarmstate.model.SwarmState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The part of a recovery that changes things, in one engine outage: stop, copy the swarm directory
 * to a working copy, read it (the pre-recovery state, now consistent), unlock its key offline if
 * autolocked, swap it in (the original moves aside untouched), start, {@code --force-new-cluster},
 * wait for leadership. Any failure before the node leads puts the original back by rename, so it is
 * byte for byte what it was, and the engine runs again on every path ({@link EngineOutage}).
 */
final class RecoverRun {
  /** Without a leader the engine answers only after its swarm start times out: ~20 s (lab-notes §4.2). */
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration LEADER_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration POLL = Duration.ofMillis(200);

  private final Clock clock;
  private final RecoverRequest request;
  private final EngineClient engine;
  private final EngineControl control;
  private final RestoreListener listener;
  private final List<String> done = new ArrayList<>();

  RecoverRun(Clock clock, RecoverRequest request, EngineClient engine, EngineControl control, RestoreListener listener) {
    this.clock = clock;
    this.request = request;
    this.engine = engine;
    this.control = control;
    this.listener = listener;
  }

  /** What was done, the state as it was just before the forced init, and the outage's span. */
  record Outcome(List<String> stepsDone, SwarmState before, Instant stoppedAt, Instant ledAt) {}

  /**
   * @param readState reads a stopped swarm directory offline (with the unlock key when autolocked)
   */
  Outcome execute(RecoverFacts facts, Optional<UnlockKey> key, Function<Path, SwarmState> readState, String stamp) {
    SwarmDirectorySwap swap = new SwarmDirectorySwap(facts.swarmDir(), facts.aside(), facts.workingCopy(),
        facts.swarmDir().resolveSibling(facts.swarmDir().getFileName() + ".failed-recover-" + stamp));
    OutageSettings settings = new OutageSettings(
        request.runDir(), request.maxDowntime(), STOP_TIMEOUT, Duration.ofSeconds(60), Optional.of(facts.workingCopy()));
    listener.step("stopping the engine (" + control.describe() + ")");
    SwarmState before;
    Instant stoppedAt;
    Instant ledAt;
    try (EngineOutage outage = EngineOutage.begin(control, settings, clock.instant())) {
      stoppedAt = outage.stoppedAt();
      record("engine stopped");
      try {
        listener.step("copying " + facts.swarmDir() + " to " + facts.workingCopy());
        new SwarmDirectoryCopy().copy(facts.swarmDir(), facts.workingCopy());
        before = readState.apply(facts.workingCopy());
        record("copied the swarm directory to a working copy and read it: " + RecoverService.counts(before));
        if (key.isPresent()) {
          listener.step("rewriting the working copy's node key unlocked (offline)");
          new AutolockHandover().rewriteUnlocked(facts.workingCopy().resolve("certificates/swarm-node.key"), key.get());
          record("node key of the working copy rewritten unlocked");
        }
      } catch (RuntimeException e) {
        removeWorkingCopy(facts.workingCopy(), e);
        throw new SwarmsnapException(e instanceof SwarmsnapException s ? s.exitCode() : ExitCode.FAILED,
            "recover stopped before changing anything: " + e.getMessage() + "; the engine is started again",
            e instanceof SwarmsnapException s ? s.hint().orElse(null) : null, e);
      }
      try {
        swap.swap();
        record("moved " + facts.swarmDir() + " aside to " + facts.aside() + "; working copy in place");
        listener.step("starting the engine");
        outage.restart();
        waitFor(engine::ping, START_TIMEOUT, "the engine's API did not answer after the start");
        record("engine started");
        listener.step("swarm init --force-new-cluster --advertise-addr " + facts.advertiseAddr());
        engine.swarmInit(true, facts.advertiseAddr(), facts.listenAddr());
        waitFor(() -> isReadyLeader(facts.nodeId()), LEADER_TIMEOUT, "the node did not become an active, ready leader");
        ledAt = clock.instant();
        record("force-new-cluster done; node " + facts.nodeId() + " is the leader");
      } catch (RuntimeException e) {
        throw rollBack(e, swap);
      }
    }
    return new Outcome(done, before, stoppedAt, ledAt);
  }

  private static void removeWorkingCopy(Path workingCopy, RuntimeException cause) {
    try {
      if (Files.exists(workingCopy)) {
        new TreeRemover().removeTree(workingCopy);
      }
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
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

  private SwarmsnapException rollBack(RuntimeException cause, SwarmDirectorySwap swap) {
    listener.warn("recover failed (" + cause.getMessage() + "); rolling back");
    List<String> notes = new ArrayList<>();
    try {
      if (control.isRunning()) {
        control.stop(STOP_TIMEOUT);
      }
      notes.add(swap.undo());
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
      notes.add("rolling back failed too (" + e.getMessage() + "): check the swarm directory and the"
          + " *.before-recover-* directory next to it by hand");
    }
    try {
      if (!control.isRunning()) {
        control.start(Duration.ofSeconds(60));
      }
      notes.add("the engine was started again");
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
      notes.add("the engine could not be started (" + e.getMessage() + "); start it by hand: "
          + String.join(" && ", control.manualStartInstructions()));
    }
    return new SwarmsnapException(
        cause instanceof SwarmsnapException s ? s.exitCode() : ExitCode.FAILED,
        "recover failed and was rolled back: " + cause.getMessage() + ". " + String.join("; ", notes),
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
