package dev.swarmsnap.engine.process;

import dev.swarmsnap.engine.EngineControl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A stand-in for dockerd made of real processes: a shell script with a pidfile that "serves" (a
 * {@code serving} file) 0.3 s after it starts and, like dockerd, stops serving at once on SIGTERM
 * but keeps its pid for {@code exitDelay} more seconds. Driven through the real {@link
 * PidFileEngineControl}; readiness is the {@code serving} file, as systemd's would be its own check.
 */
final class FakeDaemon implements EngineControl {
  private final Path dir;
  private final PidFileEngineControl control;

  FakeDaemon(Path dir, Duration exitDelay) {
    this.dir = dir;
    try {
      Path script = dir.resolve("daemon.sh");
      Files.writeString(script, String.join("\n",
          "#!/bin/sh",
          "d=" + dir,
          "echo $$ > \"$d/daemon.pid\"",
          "echo started >> \"$d/starts\"",
          "trap 'rm -f \"$d/serving\"; sleep " + exitDelay.toMillis() / 1000.0 + "; rm -f \"$d/daemon.pid\"; exit 0' TERM",
          "sleep 0.3; : > \"$d/serving\"",
          "while :; do sleep 0.1; done",
          ""));
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.control = new PidFileEngineControl(dir.resolve("daemon.pid"),
        "setsid " + dir.resolve("daemon.sh") + " >/dev/null 2>&1 </dev/null &");
  }

  Path pidFile() {
    return dir.resolve("daemon.pid");
  }

  long pid() {
    try {
      return Long.parseLong(Files.readString(pidFile()).strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean serving() {
    return Files.exists(dir.resolve("serving"));
  }

  long starts() {
    try {
      return Files.exists(dir.resolve("starts")) ? Files.readAllLines(dir.resolve("starts")).size() : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SIGTERM, as a stop would send it; returns at once. */
  void terminate() {
    ProcessHandle.of(pid()).ifPresent(ProcessHandle::destroy);
  }

  /** Ends every daemon this fake started, for the test's cleanup. */
  void killAll() {
    if (Files.exists(pidFile())) {
      ProcessHandle.of(pid()).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  @Override
  public String describe() {
    return "fake daemon in " + dir;
  }

  @Override
  public void stop(Duration timeout) {
    control.stop(timeout);
  }

  @Override
  public void start(Duration timeout) {
    control.start(timeout);
  }

  @Override
  public boolean isRunning() {
    return control.isRunning();
  }

  @Override
  public String startCommandLine() {
    return control.startCommandLine();
  }

  @Override
  public String runningCheckCommandLine() {
    return control.runningCheckCommandLine();
  }

  @Override
  public Optional<String> readyCheckCommandLine() {
    return Optional.of("test -e " + dir.resolve("serving"));
  }

  @Override
  public Optional<String> killCommandLine() {
    return control.killCommandLine();
  }

  @Override
  public List<String> manualStartInstructions() {
    return control.manualStartInstructions();
  }

  /** The same daemon behind another start command line (one that fails at first, say). */
  static class Flaky implements EngineControl {
    final FakeDaemon daemon;
    private final String start;

    Flaky(FakeDaemon daemon, String start) {
      this.daemon = daemon;
      this.start = start;
    }

    @Override
    public String describe() {
      return daemon.describe();
    }

    @Override
    public void stop(Duration timeout) {
      daemon.stop(timeout);
    }

    @Override
    public void start(Duration timeout) {
      new StartCommand(start).run(timeout);
    }

    @Override
    public boolean isRunning() {
      return daemon.isRunning();
    }

    @Override
    public String startCommandLine() {
      return start;
    }

    @Override
    public String runningCheckCommandLine() {
      return daemon.runningCheckCommandLine();
    }

    @Override
    public Optional<String> readyCheckCommandLine() {
      return daemon.readyCheckCommandLine();
    }

    @Override
    public List<String> manualStartInstructions() {
      return List.of(start);
    }
  }
}
