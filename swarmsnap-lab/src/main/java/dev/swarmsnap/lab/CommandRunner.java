package dev.swarmsnap.lab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs external programs, always with a timeout: a hung engine (e.g. {@code docker swarm unlock} on
 * a node without quorum, docs/engine-behaviour.md §4.5) must not hang the lab. On timeout the program and its
 * descendants get SIGKILL.
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
    ProcessBuilder builder = new ProcessBuilder(command);
    DOCKER_VARIABLES.forEach(builder.environment()::remove);
    builder.environment().putAll(environment);
    if (stdin == null) {
      builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    }
    long started = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new LabException(
          LabException.Kind.FAILED, "cannot run " + command.get(0) + ": " + e.getMessage(), null, e);
    }
    CompletableFuture<String> out = drain(process.getInputStream());
    CompletableFuture<String> err = drain(process.getErrorStream());
    if (stdin != null) {
      feed(process.getOutputStream(), stdin);
    }
    boolean finished = waitFor(process, timeout);
    if (!finished) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      waitFor(process, Duration.ofSeconds(5));
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    return new CommandResult(
        command, finished ? process.exitValue() : -1, collect(out), collect(err), !finished, elapsed);
  }

  private static boolean waitFor(Process process, Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void feed(OutputStream in, byte[] bytes) {
    try (in) {
      in.write(bytes);
    } catch (IOException e) {
      // The program exited without reading its input; its exit status tells the rest.
    }
  }

  private static CompletableFuture<String> drain(InputStream stream) {
    CompletableFuture<String> result = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              ByteArrayOutputStream buffer = new ByteArrayOutputStream();
              try (stream) {
                stream.transferTo(buffer);
              } catch (IOException e) {
                // Stream closed after a kill: keep what arrived.
              }
              result.complete(buffer.toString(StandardCharsets.UTF_8));
            },
            "lab-command-output");
    reader.setDaemon(true);
    reader.start();
    return result;
  }

  /** Output of a program; bounded wait, since a detached grandchild could keep the pipe open. */
  private static String collect(CompletableFuture<String> output) {
    try {
      return output.get(5, TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
