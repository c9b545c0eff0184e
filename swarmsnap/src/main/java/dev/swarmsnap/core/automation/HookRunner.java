package dev.swarmsnap.core.automation;

import dev.swarmsnap.shell.ShellCommand;
import java.util.Map;
import java.util.function.Consumer;

/** Runs a {@link Hook} and passes its output on to the log, line by line. */
public final class HookRunner {
  private final ShellCommand shell;

  public HookRunner(ShellCommand shell) {
    this.shell = shell;
  }

  /** The hook's result; output lines go to {@code log} prefixed with {@code label}. */
  public ShellCommand.Result run(String label, Hook hook, Map<String, String> environment, Consumer<String> log) {
    ShellCommand.Result result = shell.sh(hook.commandLine(), environment, hook.timeout());
    result.output().lines().forEach(line -> log.accept(label + ": " + line));
    return result;
  }

  /** Why a hook failed, in a few words, for a message. */
  public static String failure(Hook hook, ShellCommand.Result result) {
    if (result.timedOut()) {
      return "did not finish within " + hook.timeout().toSeconds() + " s and was ended";
    }
    return "exited " + result.exitCode() + (result.output().isBlank() ? "" : ": " + result.tail());
  }
}
