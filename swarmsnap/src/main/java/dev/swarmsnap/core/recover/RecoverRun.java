package dev.swarmsnap.core.recover;

import dev.swarmsnap.core.replace.AutolockHandover;
import dev.swarmsnap.core.replace.EngineWait;
import dev.swarmsnap.core.replace.RestoreListener;
import dev.swarmsnap.core.replace.SwapRollback;
import dev.swarmsnap.core.replace.SwarmDirectorySwap;
import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.durable.TreeRemover;
import dev.swarmsnap.engine.EngineClient;
import dev.swarmsnap.engine.EngineControl;
import dev.swarmsnap.engine.process.EngineOutage;
import dev.swarmsnap.engine.process.OutageSettings;
import dev.swarmsnap.engine.process.RestartGuard;
import dev.swarmsnap.engine.process.SwapJournal;
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
import java.util.function.Function;

/**
 * The part of a recovery that changes things, in one engine outage: stop, copy the swarm directory
 * to a working copy, read it (the pre-recovery state, now consistent), unlock its key offline if
 * autolocked, swap it in (the original moves aside untouched), start, {@code --force-new-cluster},
 * wait for leadership. Any failure before the node leads puts the original back by rename, so it is
 * byte for byte what it was, and the engine runs again on every path ({@link EngineOutage}).
 */
final class RecoverRun {
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

  private final Clock clock;
  private final RecoverRequest request;
  private final EngineClient engine;
  private final EngineControl control;
  private final RestartGuard guard;
  private final RestoreListener listener;
  private final EngineWait wait;
  private final SwapRollback rollback;
  private final List<String> done = new ArrayList<>();

  RecoverRun(RecoverContext context) {
    this.clock = context.clock();
    this.request = context.request();
    this.engine = context.engine();
    this.control = context.control();
    this.guard = context.guard();
    this.listener = context.listener();
    this.wait = new EngineWait(clock, engine);
    // recover's rollback counts the engine as back once its start command returns; restore's also waits for the API
    this.rollback = new SwapRollback("recover", "the swarm directory", control, Optional.empty(), listener);
  }

  /** What was done, the state as it was just before the forced init, and the outage's span. */
  record Outcome(List<String> stepsDone, SwarmState before, Instant stoppedAt, Instant ledAt) {}

  /**
   * @param readState reads a stopped swarm directory offline (with the unlock key when autolocked)
   */
  Outcome execute(RecoverFacts facts, Optional<UnlockKey> key, Function<Path, SwarmState> readState, String stamp) {
    SwarmDirectorySwap swap = new SwarmDirectorySwap("recover", facts.swarmDir(), facts.aside(), facts.workingCopy(),
        facts.swarmDir().resolveSibling(facts.swarmDir().getFileName() + ".failed-recover-" + stamp));
    OutageSettings settings = new OutageSettings(
        request.runDir(), request.maxDowntime(), STOP_TIMEOUT, Duration.ofSeconds(60), Optional.of(facts.workingCopy()))
        .withApi(engine).withSwapJournal(SwapJournal.fileFor(facts.swarmDir())).withPhases(listener::reached);
    listener.step("stopping the engine (" + control.describe() + ")");
    SwarmState before;
    Instant stoppedAt;
    Instant ledAt;
    try (EngineOutage outage = EngineOutage.begin(control, settings, guard, clock.instant())) {
      stoppedAt = outage.stoppedAt();
      record("engine stopped");
      try {
        listener.step("copying " + facts.swarmDir() + " to " + facts.workingCopy());
        outage.reached("copying");
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
        swap.swap(outage::reached);
        record("moved " + facts.swarmDir() + " aside to " + facts.aside() + "; working copy in place");
        listener.step("starting the engine");
        outage.restart();
        wait.untilAnswers("the engine's API did not answer after the start");
        record("engine started");
        listener.step("swarm init --force-new-cluster --advertise-addr " + facts.advertiseAddr());
        listener.reached("force-new-cluster");
        engine.swarmInit(true, facts.advertiseAddr(), facts.listenAddr());
        wait.untilReadyLeader(facts.nodeId());
        ledAt = clock.instant();
        swap.commit();
        record("force-new-cluster done; node " + facts.nodeId() + " is the leader");
      } catch (RuntimeException e) {
        throw rollback.rollBack(e, swap);
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

  private void record(String step) {
    done.add(step);
  }
}
