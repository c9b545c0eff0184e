package dev.swarmsnap.testing.fakes;

import dev.swarmsnap.engine.EngineControl;
import dev.swarmsnap.engine.process.OutageSettings;
import dev.swarmsnap.engine.process.RestartGuard;
import java.time.Instant;

/**
 * A {@link RestartGuard} without a process: records arming and disarming, and can be told to fire
 * (start the engine as the watchdog would when the maximum downtime passes) the first time the
 * outage asks whether it fired, i.e. while the work of the outage is under way. One outage at a time.
 */
public final class FakeRestartGuard implements RestartGuard {
  private boolean failToArm;
  private boolean fireWhenAsked;
  private int armed;
  private int disarmed;
  private boolean fired;
  private OutageSettings settings;

  /** Arming fails as a watchdog that cannot start does. */
  public FakeRestartGuard failToArm() {
    failToArm = true;
    return this;
  }

  /** Fires (and starts the engine) the first time the outage asks: the downtime ran out mid-work. */
  public FakeRestartGuard fireDuringTheOutage() {
    fireWhenAsked = true;
    return this;
  }

  @Override
  public Armed arm(EngineControl control, OutageSettings outage, Instant now) {
    if (failToArm) {
      throw new dev.swarmsnap.engine.EngineControlException(
          "cannot start the watchdog process: simulated", "the engine was not stopped");
    }
    armed++;
    settings = outage;
    return new Armed() {
      @Override
      public void disarm() {
        disarmed++;
      }

      @Override
      public boolean fired() {
        if (fireWhenAsked && !fired && disarmed < armed) {
          fired = true;
          if (!control.isRunning()) {
            control.start(outage.startTimeout());
          }
        }
        return fired;
      }
    };
  }

  /** Armed and not disarmed: it would still start the engine if this process died. */
  public boolean watching() {
    return armed > disarmed;
  }

  public int armed() {
    return armed;
  }

  public boolean hasFired() {
    return fired;
  }

  /** The settings of the last outage it guarded. */
  public OutageSettings settings() {
    return settings;
  }
}
