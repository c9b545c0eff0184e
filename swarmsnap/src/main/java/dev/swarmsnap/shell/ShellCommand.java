package dev.swarmsnap.shell;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;

/**
 * Runs one command with a hard timeout and captures its output, through zt-exec (the lab's runner
 * uses the same library). A command that outlives the timeout
 * is ended, with the processes it started (our own children only), and reported as timed out.
 */
public final class ShellCommand {
  private static final int MAX_OUTPUT_BYTES = 64 * 1024;

  /** The outcome of one run. {@code exitCode} is -1 when the command timed out. */
  public record Result(int exitCode, String output, boolean timedOut) {
    public boolean succeeded() {
      return exitCode == 0 && !timedOut;
    }

    /** The last lines of output, for error messages. */
    public String tail() {
      List<String> lines = output.strip().lines().toList();
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }
  }

  /** Runs {@code commandLine} under {@code sh -c}. */
  public Result sh(String commandLine, Duration timeout) {
    return run(List.of("sh", "-c", commandLine), timeout);
  }

  /**
   * Runs {@code commandLine} under {@code sh -c}, capturing only its stdout; its stderr goes to ours,
   * so a secret printed on stdout never mixes with diagnostics.
   */
  public Result shStdoutOnly(String commandLine, Duration timeout) {
    return run(List.of("sh", "-c", commandLine), timeout, false);
  }

  /**
   * Runs {@code commandLine} under {@code sh -c} with {@code stdin} as its standard input (then
   * closed): hands a secret to a command without putting it on a command line or in the environment.
   */
  public Result shWithStdin(String commandLine, byte[] stdin, Duration timeout) {
    return run(List.of("sh", "-c", commandLine), timeout, true, stdin);
  }

  /**
   * Runs {@code commandLine} under {@code sh -c} with exactly {@code environment} as its environment
   * (nothing of ours is inherited), e.g. a hook that must never see a key held in a variable.
   */
  public Result sh(String commandLine, Map<String, String> environment, Duration timeout) {
    return run(List.of("sh", "-c", commandLine), timeout, true, null, environment);
  }

  public Result run(List<String> argv, Duration timeout) {
    return run(argv, timeout, true);
  }

  private Result run(List<String> argv, Duration timeout, boolean mergeStderr) {
    return run(argv, timeout, mergeStderr, null);
  }

  private Result run(List<String> argv, Duration timeout, boolean mergeStderr, byte[] stdin) {
    return run(argv, timeout, mergeStderr, stdin, null);
  }

  /**
   * zt-exec pumps {@code stdin} on its own thread while the output is read (a child that writes
   * more than a pipe buffer before it reads its input cannot deadlock us), and the output is kept
   * as bytes and decoded once (a character split across reads stays whole).
   */
  private Result run(
      List<String> argv, Duration timeout, boolean mergeStderr, byte[] stdin, Map<String, String> environment) {
    BoundedOutput output = new BoundedOutput(MAX_OUTPUT_BYTES);
    ProcessExecutor executor = new ProcessExecutor()
        .command(argv)
        .redirectOutput(output)
        .redirectInput(new ByteArrayInputStream(stdin == null ? new byte[0] : stdin))
        .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .stopper(ShellCommand::killWithDescendants)
        .closeTimeout(2, TimeUnit.SECONDS)
        .exitValueAny();
    if (mergeStderr) {
      executor.redirectErrorStream(true);
    } else {
      executor.redirectError(System.err);
    }
    if (environment != null) {
      // exactly this environment: every inherited variable removed (zt-exec removes a null value)
      System.getenv().keySet().forEach(name -> executor.environment(name, null));
      executor.environment(environment);
    }
    try {
      ProcessResult result = executor.execute();
      return new Result(result.getExitValue(), output.text(), false);
    } catch (TimeoutException e) {
      return new Result(-1, output.text(), true);
    } catch (IOException e) {
      return new Result(127, "cannot run " + argv.get(0) + ": " + e.getMessage(), false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, output.text(), true);
    }
  }

  /** On timeout: the command and every process it started (our own children only). */
  private static void killWithDescendants(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The first {@code limit} bytes of output; the rest is read and dropped, so the child never blocks. */
  private static final class BoundedOutput extends OutputStream {
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final int limit;

    BoundedOutput(int limit) {
      this.limit = limit;
    }

    @Override
    public synchronized void write(int b) {
      if (kept.size() < limit) {
        kept.write(b);
      }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      int room = Math.min(len, limit - kept.size());
      if (room > 0) {
        kept.write(b, off, room);
      }
    }

    synchronized String text() {
      return kept.toString(StandardCharsets.UTF_8);
    }
  }
}
