package dev.swarmsnap.engine.process;

import dev.swarmsnap.engine.EngineControlException;
import dev.swarmsnap.shell.ShellCommand;
import java.time.Duration;

/** A user-given command line that starts dockerd; a failure names it so the user can run it by hand. */
record StartCommand(String commandLine) {

  void run(Duration timeout) {
    ShellCommand.Result result = new ShellCommand().sh(commandLine, timeout);
    if (!result.succeeded()) {
      throw new EngineControlException(
          "the start command failed" + (result.timedOut() ? " (timed out)" : " (exit " + result.exitCode() + ")")
              + ": " + result.tail(),
          "start the engine by hand: " + commandLine);
    }
  }
}
