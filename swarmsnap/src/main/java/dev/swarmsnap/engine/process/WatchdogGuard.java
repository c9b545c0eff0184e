package dev.swarmsnap.engine.process;

import dev.swarmsnap.engine.EngineControl;
import java.time.Instant;

/** The production {@link RestartGuard}: a {@link Watchdog} process with its files in the run directory. */
public final class WatchdogGuard implements RestartGuard {

  @Override
  public Armed arm(EngineControl control, OutageSettings settings, Instant now) {
    long pid = ProcessHandle.current().pid();
    Watchdog watchdog = Watchdog.arm(
        settings.runDir().resolve("outage-" + pid + "-" + now.toEpochMilli()),
        control,
        settings,
        now.plus(settings.maxDowntime()),
        pid);
    return new Armed() {
      @Override
      public void disarm() {
        watchdog.disarm();
      }

      @Override
      public boolean fired() {
        return watchdog.fired();
      }

      @Override
      public void mark(String event) {
        watchdog.mark(event);
      }
    };
  }
}
