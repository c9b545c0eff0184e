package dev.swarmsnap.lab;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How an external command ended.
 *
 * @param command the program and its arguments
 * @param exitCode the exit status; -1 when it timed out
 * @param stdout everything it wrote to stdout (UTF-8)
 * @param stderr everything it wrote to stderr (UTF-8)
 * @param timedOut true when it ran past its timeout and was killed
 * @param elapsed how long it ran
 */
public record CommandResult(
    List<String> command, int exitCode, String stdout, String stderr, boolean timedOut, Duration elapsed) {

  public CommandResult {
    command = List.copyOf(command);
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /** Exited 0 within its timeout. */
  public boolean ok() {
    return !timedOut && exitCode == 0;
  }

  /** Why it failed, in one line: the timeout, or the first line of stderr (or stdout). */
  public String reason() {
    if (timedOut) {
      return "timed out after " + elapsed.toSeconds() + " s";
    }
    String text = firstLine(stderr);
    if (text.isEmpty()) {
      text = firstLine(stdout);
    }
    return text.isEmpty() ? "exit status " + exitCode : text + " (exit status " + exitCode + ")";
  }

  /**
   * Returns this result if it is {@link #ok()}.
   *
   * @param what what the command was meant to do, for the message ("join m2 to the swarm")
   * @throws LabException FAILED otherwise
   */
  public CommandResult requireOk(String what) {
    if (!ok()) {
      throw new LabException(LabException.Kind.FAILED, "cannot " + what + ": " + reason(), null);
    }
    return this;
  }

  private static String firstLine(String text) {
    return text.strip().lines().findFirst().orElse("").strip();
  }
}
