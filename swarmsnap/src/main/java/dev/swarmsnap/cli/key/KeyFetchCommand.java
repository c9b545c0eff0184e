package dev.swarmsnap.cli.key;

import dev.swarmsnap.cli.CliContext;
import dev.swarmsnap.cli.EngineOptions;
import dev.swarmsnap.cli.JsonOutput;
import dev.swarmsnap.cli.OutputOptions;
import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.durable.AtomicFileWriter;
import dev.swarmsnap.durable.PendingFile;
import dev.swarmsnap.engine.EngineClient;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.shell.ShellCommand;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code swarmsnap key fetch}: read the current unlock key from an autolocked manager and hand it
 * on. It goes to exactly one place the user named; it is printed only with {@code --show}.
 */
@Command(
    name = "fetch",
    mixinStandardHelpOptions = true,
    description = "Read the current unlock key from the engine and hand it to a file (0600), a command's stdin, or stdout (--show).",
    footer = {"", "Examples:",
      "  swarmsnap key fetch --to-file /root/swarm.key",
      "  swarmsnap key fetch --to-cmd 'pass insert -m swarm/prod'"})
public final class KeyFetchCommand implements Callable<Integer> {
  @Mixin EngineOptions engine;
  @Mixin OutputOptions output;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Destination destination;

  static final class Destination {
    @Option(names = "--to-file", paramLabel = "FILE", description = "Write the key to FILE (mode 0600, atomically).")
    Path file;

    @Option(names = "--to-cmd", paramLabel = "CMD", description = "Run CMD (sh -c) with the key on its stdin.")
    String command;

    @Option(names = "--show", description = "Print the key on stdout.")
    boolean show;
  }

  private final CliContext context;

  KeyFetchCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    char[] key;
    try (EngineClient client = engine.open(context)) {
      key = client.unlockKey();
    }
    byte[] line = ascii(key);
    try {
      if (key.length == 0) {
        throw new SwarmsnapException(ExitCode.NOT_FOUND, "autolock is off: this swarm has no unlock key",
            "turn it on with 'docker swarm update --autolock=true' if you want one");
      }
      UnlockKey parsed = UnlockKey.parse(key);
      String fingerprint = parsed.fingerprint();
      parsed.wipe();
      String where = deliver(line);
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("fingerprint", fingerprint);
      result.put("destination", where);
      if (output.json() && !destination.show) {
        new JsonOutput().print(context.out(), result);
      } else if (!destination.show) {
        context.out().println("unlock key " + fingerprint + " handed to " + where);
        context.out().flush();
      }
      return ExitCode.OK.code();
    } finally {
      Arrays.fill(key, '\0');
      Arrays.fill(line, (byte) 0);
    }
  }

  private String deliver(byte[] line) {
    if (destination.file != null) {
      try (PendingFile file = new AtomicFileWriter().create(destination.file, AtomicFileWriter.OWNER_ONLY)) {
        file.write(line);
        file.commit();
      } catch (IOException e) {
        throw new SwarmsnapException(ExitCode.FAILED, "cannot write " + destination.file + ": " + e.getMessage(),
            "choose another --to-file; the key is still readable from the engine");
      }
      return destination.file.toString();
    }
    if (destination.command != null) {
      ShellCommand.Result result = new ShellCommand().shWithStdin(destination.command, line, Duration.ofSeconds(60));
      if (!result.succeeded()) {
        throw new SwarmsnapException(
            ExitCode.FAILED,
            "the command '" + destination.command + "' failed" + (result.timedOut() ? " (timed out)" : " (exit " + result.exitCode() + ")")
                + ", so the key was not stored by it",
            "nothing is lost: the key is still readable from the engine; fix the command and run 'swarmsnap key fetch' again");
      }
      return "command '" + destination.command + "'";
    }
    context.out().print(new String(line, java.nio.charset.StandardCharsets.US_ASCII));
    context.out().flush();
    return "stdout";
  }

  private static byte[] ascii(char[] key) {
    byte[] line = new byte[key.length + 1];
    for (int i = 0; i < key.length; i++) {
      line[i] = (byte) key[i];
    }
    line[key.length] = '\n';
    return line;
  }
}
