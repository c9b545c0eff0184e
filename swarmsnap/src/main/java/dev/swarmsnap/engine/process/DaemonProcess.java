package dev.swarmsnap.engine.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The dockerd process behind a pidfile: is it running, ask it to stop, wait until it is gone. */
final class DaemonProcess {
  private final Path pidFile;
  private final PidFiles pidFiles = new PidFiles();

  DaemonProcess(Path pidFile) {
    this.pidFile = pidFile;
  }

  Path pidFile() {
    return pidFile;
  }

  Optional<Long> pid() {
    return pidFiles.read(pidFile).filter(pidFiles::isAlive);
  }

  boolean isRunning() {
    return pid().isPresent();
  }

  /** Sends SIGTERM; dockerd then shuts down cleanly and removes its pidfile (docs/engine-behaviour.md §1.4). */
  boolean terminate() {
    return pid().flatMap(ProcessHandle::of).map(ProcessHandle::destroy).orElse(false);
  }

  /** Waits until the process that held the pidfile is gone; true if it is. */
  boolean awaitExit(long pid, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (pidFiles.isAlive(pid)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      pause();
    }
    return true;
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for dockerd to exit", e);
    }
  }
}
