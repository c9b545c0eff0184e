package dev.swarmsnap.hostile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * One generated hostile input and the command run on it.
 *
 * @param name unique, stable across runs of the same seed (the known-issues list refers to it)
 * @param input writes the input into the case's own directory and returns its path
 * @param command the arguments, given the input path and the case directory
 * @param codes the documented exit codes this case may end with (README "Exit codes")
 * @param planted text the input carries that must never be printed (keys, secret values)
 */
record HostileCase(String name, Input input, Command command, Set<Integer> codes, List<String> planted) {
  HostileCase {
    codes = Set.copyOf(codes);
    planted = List.copyOf(planted);
  }

  /** Writes the input. */
  @FunctionalInterface
  interface Input {
    Path make(Path caseDir) throws IOException;
  }

  /** The command line for an input. */
  @FunctionalInterface
  interface Command {
    List<String> args(Path input, Path caseDir);
  }

  /** Whether the command is a restore, which may leave only its lock file in the run directory. */
  boolean restore() {
    return name.startsWith("restore ");
  }
}
