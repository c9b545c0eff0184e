package dev.swarmsnap.core.schedule;

import dev.swarmsnap.core.status.BackupSafety;
import dev.swarmsnap.core.status.Concern;
import dev.swarmsnap.core.status.Safety;
import dev.swarmsnap.core.status.SwarmView;
import dev.swarmsnap.engine.EngineClient;
import dev.swarmsnap.engine.SwarmNode;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Asks the live cluster whether this manager takes the current scheduled run.
 *
 * <p>A manager that is designated only because followers earlier in the order are down waits
 * {@code takeoverDelay} and asks again before it takes over. The timers of all managers fire at the
 * same moment, and the designated follower stops its own engine for the copy a few seconds later;
 * a manager that asks during that outage would otherwise see it unreachable and take a second
 * backup. After the wait, a designated follower that was only in its backup outage is back, and
 * the stand-in steps aside.
 */
public final class ScheduledTurn {
  /** How this process waits; the real one sleeps. */
  @FunctionalInterface
  public interface Pause {
    /** Sleeps; an interrupt ends the wait early (the next check then decides). */
    Pause SLEEP = duration -> {
      try {
        Thread.sleep(duration.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };

    void sleep(Duration duration);
  }

  private final DesignatedManager designated = new DesignatedManager();
  private final BackupSafety safety = new BackupSafety();
  private final Pause pause;

  public ScheduledTurn(Pause pause) {
    this.pause = pause;
  }

  /**
   * @return the designation; {@link Designation#self()} says whether this node backs up now
   * @throws SwarmsnapException NOT_A_MANAGER on a worker or outside a swarm, UNSAFE when the cluster
   *     cannot name a designated manager (locked, no quorum, nobody qualifies)
   */
  public Designation decide(EngineClient engine, Duration takeoverDelay, Consumer<String> log) {
    return decide(engine, takeoverDelay, false, log);
  }

  /**
   * As {@link #decide(EngineClient, Duration, Consumer)}; with {@code hot}, for {@code backup
   * --scheduled --hot}, where the leader may be designated too ({@link DesignatedManager#chooseForHot}).
   */
  public Designation decide(EngineClient engine, Duration takeoverDelay, boolean hot, Consumer<String> log) {
    Designation first = ask(engine, hot);
    if (!first.selfStandsIn() || takeoverDelay.isZero()) {
      return first;
    }
    log.accept(first.reason() + "; waiting " + takeoverDelay.toSeconds()
        + " s in case the passed-over manager is only in its own backup outage");
    pause.sleep(takeoverDelay);
    return ask(engine, hot);
  }

  private Designation ask(EngineClient engine, boolean hot) {
    SwarmView view = SwarmView.of(engine);
    if (view.nodes().isEmpty()) {
      Safety verdict = safety.evaluate(view.swarm(), view.nodes());
      boolean notManager = verdict.has(Concern.NOT_IN_SWARM) || verdict.has(Concern.WORKER);
      throw new SwarmsnapException(
          notManager ? ExitCode.NOT_A_MANAGER : ExitCode.UNSAFE,
          "scheduled backup: cannot tell which manager takes this run: " + String.join("; ", verdict.reasons()),
          notManager ? "install the schedule on managers only (swarmsnap schedule remove here)"
              : verdict.suggestion().orElse("bring the managers back; the next run decides again"));
    }
    List<SwarmNode> nodes = view.nodes().orElse(List.of());
    Designation designation = hot
        ? designated.chooseForHot(view.swarm().nodeId(), nodes)
        : designated.choose(view.swarm().nodeId(), nodes);
    if (designation.designated().isEmpty()) {
      throw new SwarmsnapException(ExitCode.UNSAFE, "scheduled backup: " + designation.reason(),
          "bring a follower manager back (docker node ls); the next run decides again");
    }
    return designation;
  }
}
