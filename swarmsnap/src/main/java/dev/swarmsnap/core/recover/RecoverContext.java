package dev.swarmsnap.core.recover;

import dev.swarmsnap.core.replace.RestoreListener;
import dev.swarmsnap.engine.EngineClient;
import dev.swarmsnap.engine.EngineControl;
import dev.swarmsnap.engine.process.RestartGuard;
import java.time.Clock;
import java.util.Objects;

/**
 * One recovery in progress: what was asked, the ports it drives, what restarts the engine if this
 * process dies, and who is watching. {@link RecoverService} builds it for {@link RecoverRun}.
 */
record RecoverContext(
    RecoverRequest request,
    EngineClient engine,
    EngineControl control,
    RestartGuard guard,
    RestoreListener listener,
    Clock clock) {
  RecoverContext {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(control, "control");
    Objects.requireNonNull(guard, "guard");
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(clock, "clock");
  }
}
