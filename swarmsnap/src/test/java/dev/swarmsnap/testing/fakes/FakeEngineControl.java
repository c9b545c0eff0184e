package dev.swarmsnap.testing.fakes;

import dev.swarmsnap.engine.EngineControl;
import java.time.Duration;
import java.util.List;

/**
 * Stops and starts a {@link FakeEngine} at once. Its shell command lines act on the same marker
 * file, so a real watchdog process sees and starts the same engine.
 */
public final class FakeEngineControl implements EngineControl {
  private final FakeEngine engine;

  FakeEngineControl(FakeEngine engine) {
    this.engine = engine;
  }

  @Override
  public String describe() {
    return "fake (" + engine.marker() + ")";
  }

  @Override
  public void stop(Duration timeout) {
    engine.log("stop");
    engine.stopped();
  }

  @Override
  public void start(Duration timeout) {
    engine.log("start");
    engine.started();
  }

  @Override
  public boolean isRunning() {
    return engine.running();
  }

  @Override
  public String startCommandLine() {
    return ": > " + quoted(engine.marker().toString());
  }

  @Override
  public String runningCheckCommandLine() {
    return "test -e " + quoted(engine.marker().toString());
  }

  @Override
  public List<String> manualStartInstructions() {
    return List.of("fake-engine start");
  }

  private static String quoted(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
