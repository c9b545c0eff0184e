package dev.swarmsnap.core.backup;

import dev.swarmsnap.engine.EngineClient;
import dev.swarmsnap.engine.EngineControl;
import java.time.Instant;
import java.util.Objects;

/**
 * One backup in progress: what was asked, the ports it drives, who is watching, and when it began.
 * {@link BackupService} builds it once per run and hands it to each of its steps.
 */
record BackupRun(
    BackupRequest request, EngineClient engine, EngineControl control, BackupListener listener, Instant started) {
  BackupRun {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(control, "control");
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(started, "started");
  }
}
