package dev.swarmsnap.engine.process;

import dev.swarmsnap.shell.ShellCommand;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version of an engine binary that is not running: what {@code dockerd --version} prints.
 * A restore must know which engine will read the restored state before that engine starts: an
 * older swarmkit started on newer state runs it as leader before anything could refuse it.
 */
public final class DockerdBinary {
  private static final Pattern VERSION = Pattern.compile("^Docker version ([^,\\s]+)", Pattern.MULTILINE);
  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  private final ShellCommand shell;

  public DockerdBinary(ShellCommand shell) {
    this.shell = shell;
  }

  /**
   * @param program {@code dockerd} (looked up on PATH) or a path to it
   * @return its version (e.g. {@code 28.5.2+dfsg4}), or empty if it cannot be run or says nothing
   *     we recognise
   */
  public Optional<String> version(String program) {
    ShellCommand.Result result = shell.run(List.of(program, "--version"), TIMEOUT);
    if (!result.succeeded()) {
      return Optional.empty();
    }
    Matcher m = VERSION.matcher(result.output());
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
