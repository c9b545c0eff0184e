package dev.swarmsnap.core.drill;

import dev.swarmsnap.engine.EngineClient;
import dev.swarmsnap.engine.EngineControl;
import java.nio.file.Path;

/**
 * A throw-away engine to restore into: its own dockerd, network namespace and data root, never
 * this host's engine. It runs with no swarm state when handed out. {@link #close()} removes all of
 * it (process, namespace, mounts, directories).
 */
public interface Sandbox extends AutoCloseable {
  /** Its name in the lab registry ({@code swarmsnap lab down --name NAME} removes it too). */
  String name();

  /** The engine's address, where the restored manager listens and advertises. */
  String address();

  /** {@code <data-root>/swarm} of the sandbox engine. */
  Path swarmDir();

  /** A 0700 directory that goes with the sandbox: the restore's run directory, the new unlock key. */
  Path workDir();

  /** The sandbox engine's API; owned by the sandbox. */
  EngineClient engine();

  /** Stops and starts the sandbox engine (its pidfile and start script). */
  EngineControl control();

  /**
   * Removes everything the sandbox made.
   *
   * @throws dev.swarmsnap.error.SwarmsnapException naming what is left
   */
  @Override
  void close();
}
