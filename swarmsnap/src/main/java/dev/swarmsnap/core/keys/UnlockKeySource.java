package dev.swarmsnap.core.keys;

import java.nio.file.Path;
import java.util.Objects;

/** One place the user keeps the swarm's unlock key. */
public sealed interface UnlockKeySource {

  /** For messages: where the key came from, never the key. */
  String describe();

  /** A file holding the key (a trailing newline is fine). */
  record File(Path path) implements UnlockKeySource {
    public File {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public String describe() {
      return "file " + path;
    }
  }

  /** An environment variable. */
  record Env(String name) implements UnlockKeySource {
    public Env {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String describe() {
      return "environment variable " + name;
    }
  }

  /** A command that prints the key on stdout, e.g. {@code pass show swarm/prod}. */
  record Command(String commandLine) implements UnlockKeySource {
    public Command {
      Objects.requireNonNull(commandLine, "commandLine");
    }

    @Override
    public String describe() {
      return "command '" + commandLine + "'";
    }
  }

  /** The first line of standard input. */
  record Stdin() implements UnlockKeySource {
    @Override
    public String describe() {
      return "standard input";
    }
  }

  /** Asked at the terminal, without echo. */
  record Prompt() implements UnlockKeySource {
    @Override
    public String describe() {
      return "the terminal prompt";
    }
  }
}
