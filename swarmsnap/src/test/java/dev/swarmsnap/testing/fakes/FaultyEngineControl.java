package dev.swarmsnap.testing.fakes;

import dev.swarmsnap.engine.EngineControl;
import dev.swarmsnap.engine.EngineControlException;
import java.time.Duration;
import java.util.List;

/**
 * Wraps an {@link EngineControl} and injects its failures, as kopia's storage test kit wraps a
 * store: starts that fail, a stop that hangs. Each failure looks like the real controls' own
 * (an {@link EngineControlException} with a hint), and the wrapped engine is left as such a failure
 * would leave it. Not thread-safe.
 */
public final class FaultyEngineControl implements EngineControl {
  private final EngineControl inner;
  private int failingStarts;
  private boolean stopHangs;
  private boolean stopFailsAfterStopping;
  private int starts;
  private int stops;

  public FaultyEngineControl(EngineControl inner) {
    this.inner = inner;
  }

  /** The next {@code times} starts fail and leave the engine down. */
  public FaultyEngineControl failStarts(int times) {
    failingStarts = times;
    return this;
  }

  /** Every start fails. */
  public FaultyEngineControl failEveryStart() {
    return failStarts(Integer.MAX_VALUE);
  }

  /**
   * The daemon ignores the stop: the engine keeps running and stop reports, as a real control does
   * once {@code timeout} ran out, that it did not exit (answered at once, so tests take no time).
   */
  public FaultyEngineControl stopHangs() {
    stopHangs = true;
    return this;
  }

  /** The engine stops, but the stop still reports failure (e.g. the stop command's own error). */
  public FaultyEngineControl stopFailsAfterStopping() {
    stopFailsAfterStopping = true;
    return this;
  }

  /** Starts asked for, failed ones included. */
  public int starts() {
    return starts;
  }

  /** Stops asked for, failed ones included. */
  public int stops() {
    return stops;
  }

  @Override
  public String describe() {
    return "faulty " + inner.describe();
  }

  @Override
  public void stop(Duration timeout) {
    stops++;
    if (stopHangs) {
      throw new EngineControlException("dockerd did not exit within " + timeout.toSeconds() + " s of SIGTERM",
          "look at the daemon's log; it is still running, nothing was copied");
    }
    inner.stop(timeout);
    if (stopFailsAfterStopping) {
      throw new EngineControlException("the stop command failed: exit 1", "check --stop-cmd; nothing was copied");
    }
  }

  @Override
  public void start(Duration timeout) {
    starts++;
    if (failingStarts > 0) {
      failingStarts--;
      throw new EngineControlException("the start command failed: dockerd: simulated failure",
          "look at the daemon's log");
    }
    inner.start(timeout);
  }

  @Override
  public boolean isRunning() {
    return inner.isRunning();
  }

  @Override
  public String startCommandLine() {
    return inner.startCommandLine();
  }

  @Override
  public String runningCheckCommandLine() {
    return inner.runningCheckCommandLine();
  }

  @Override
  public List<String> manualStartInstructions() {
    return inner.manualStartInstructions();
  }
}
