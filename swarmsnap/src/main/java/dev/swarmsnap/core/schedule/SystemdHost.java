package dev.swarmsnap.core.schedule;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.shell.ShellCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The host's systemd, through {@code systemctl} and {@code systemd-analyze}. */
public final class SystemdHost {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final ShellCommand shell;
  private final Path runtimeDir;

  /** @param runtimeDir {@code /run/systemd/system}: it exists only when systemd is PID 1 (sd_booted(3)) */
  public SystemdHost(ShellCommand shell, Path runtimeDir) {
    this.shell = shell;
    this.runtimeDir = runtimeDir;
  }

  public boolean running() {
    return Files.isDirectory(runtimeDir);
  }

  /**
   * Checks a calendar expression with {@code systemd-analyze calendar} where that tool exists.
   *
   * @return the tool's complaint when it rejects the expression
   */
  public Optional<String> rejectCalendar(String onCalendar) {
    ShellCommand.Result result = shell.run(List.of("systemd-analyze", "calendar", onCalendar), TIMEOUT);
    if (result.exitCode() == 127 && result.output().startsWith("cannot run")) {
      return Optional.empty();
    }
    return result.succeeded() ? Optional.empty() : Optional.of(result.tail());
  }

  /** {@code systemctl ARGS...}; throws FAILED naming the command and its output. */
  public void systemctl(String... args) {
    List<String> argv = new ArrayList<>(List.of("systemctl"));
    argv.addAll(List.of(args));
    ShellCommand.Result result = shell.run(argv, TIMEOUT);
    if (!result.succeeded()) {
      throw new SwarmsnapException(ExitCode.FAILED,
          String.join(" ", argv) + " failed: " + (result.timedOut() ? "timed out" : result.tail()),
          "run it by hand and look at 'journalctl -xe'");
    }
  }

  /** {@code systemctl is-active|is-enabled UNIT}: the word it prints, or "unknown". */
  public String query(String verb, String unit) {
    ShellCommand.Result result = shell.run(List.of("systemctl", verb, unit), TIMEOUT);
    String word = result.output().strip();
    return word.isEmpty() || word.contains("\n") ? "unknown" : word;
  }
}
