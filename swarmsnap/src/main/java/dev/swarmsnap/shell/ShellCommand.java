package dev.swarmsnap.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one command with a hard timeout and captures its output. A command that outlives the timeout
 * is ended, with the processes it started (our own children only), and reported as timed out.
 */
public final class ShellCommand {

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

  private Result run(
      List<String> argv, Duration timeout, boolean mergeStderr, byte[] stdin, Map<String, String> environment) {
    ProcessBuilder builder = new ProcessBuilder(argv);
    if (environment != null) {
      builder.environment().clear();
      builder.environment().putAll(environment);
    }
    if (mergeStderr) {
      builder.redirectErrorStream(true);
    } else {
      builder.redirectError(ProcessBuilder.Redirect.INHERIT);
    }
    if (stdin == null) {
      builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    }
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      return new Result(127, "cannot run " + argv.get(0) + ": " + e.getMessage(), false);
    }
    if (stdin != null) {
      try (java.io.OutputStream in = process.getOutputStream()) {
        in.write(stdin);
      } catch (IOException e) {
        // The command closed its stdin early; its exit code says whether it got what it needed.
      }
    }
    OutputCollector collector = new OutputCollector(process.getInputStream());
    collector.start();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
        return new Result(-1, collector.text(), true);
      }
      collector.join(2000);
      return new Result(process.exitValue(), collector.text(), false);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      return new Result(-1, collector.text(), true);
    }
  }

  /** Drains the child's output so it can never block on a full pipe. */
  private static final class OutputCollector extends Thread {
    private final InputStream in;
    private final StringBuffer text = new StringBuffer();

    OutputCollector(InputStream in) {
      this.in = in;
      setDaemon(true);
    }

    @Override
    public void run() {
      byte[] buffer = new byte[8192];
      try {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          if (text.length() < 64 * 1024) {
            text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
          }
        }
      } catch (IOException ignored) {
        // The child went away; what we have is all there is.
      }
    }

    String text() {
      return text.toString();
    }
  }
}
