package dev.swarmsnap.lab;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.zeroturnaround.exec.ProcessExecutor;

/**
 * Runs external programs, always with a timeout: a hung engine (e.g. {@code docker swarm unlock} on
 * a node without quorum, docs/engine-behaviour.md §4.5) must not hang the lab. On timeout the
 * program and its descendants get SIGKILL. Through zt-exec, like the tool's own commands: input is
 * pumped on its own thread while both outputs are read, and output is decoded once, as a whole.
 */
final class CommandRunner {
  /** Variables that would make the docker CLI talk to another engine than the {@code -H} we pass. */
  private static final List<String> DOCKER_VARIABLES =
      List.of("DOCKER_HOST", "DOCKER_CONTEXT", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH");

  CommandResult run(List<String> command, Duration timeout) {
    return run(command, timeout, null, Map.of());
  }

  /**
   * Runs {@code command}, feeding it {@code stdin} (may be null) and adding {@code environment}.
   *
   * @throws LabException FAILED when the program cannot be started at all
   */
  CommandResult run(List<String> command, Duration timeout, byte[] stdin, Map<String, String> environment) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ProcessExecutor executor = new ProcessExecutor()
        .command(command)
        .redirectOutput(out)
        .redirectError(err)
        .redirectInput(new ByteArrayInputStream(stdin == null ? new byte[0] : stdin))
        .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .stopper(CommandRunner::killWithDescendants)
        // a detached grandchild (dockerd's containerd) may keep the output pipes open
        .closeTimeout(5, TimeUnit.SECONDS)
        .exitValueAny();
    DOCKER_VARIABLES.forEach(name -> executor.environment(name, null));
    executor.environment(environment);
    long started = System.nanoTime();
    int exit = -1;
    boolean timedOut = false;
    try {
      exit = executor.execute().getExitValue();
    } catch (TimeoutException e) {
      timedOut = true;
    } catch (IOException e) {
      throw new LabException(
          LabException.Kind.FAILED, "cannot run " + command.get(0) + ": " + e.getMessage(), null, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      timedOut = true;
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    return new CommandResult(command, exit, text(out), text(err), timedOut, elapsed);
  }

  private static void killWithDescendants(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String text(ByteArrayOutputStream bytes) {
    synchronized (bytes) {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }
}
