package dev.swarmsnap.core.keys;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.input.SmallFileReader;
import dev.swarmsnap.shell.ShellCommand;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * Reads an unlock key from its source into a char array the caller wipes. Only checks the shape
 * ({@code SWMKEY-1-}...); whether it opens a swarm is the reader's business.
 */
public final class UnlockKeyReader {
  static final String PREFIX = "SWMKEY-1-";
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
  private static final SmallFileReader KEY_FILE = new SmallFileReader(SmallFileReader.KEY_FILE_LIMIT,
      SmallFileReader.Links.FOLLOW, "give --unlock-key-file a regular file that holds the key"
          + " (or use --unlock-key-stdin or --unlock-key-cmd)");

  private final Map<String, String> environment;
  private final InputStream stdin;
  private final Console console;

  /**
   * @param console the terminal for prompts; null when there is none
   */
  public UnlockKeyReader(Map<String, String> environment, InputStream stdin, Console console) {
    this.environment = Map.copyOf(environment);
    this.stdin = stdin;
    this.console = console;
  }

  /** The key text; the caller must {@code Arrays.fill(key, '\0')} it after use. */
  public char[] read(UnlockKeySource source) {
    char[] key;
    if (source instanceof UnlockKeySource.File file) {
      key = fromFile(file);
    } else if (source instanceof UnlockKeySource.Env env) {
      key = fromEnv(env);
    } else if (source instanceof UnlockKeySource.Command command) {
      key = fromCommand(command);
    } else if (source instanceof UnlockKeySource.Stdin) {
      key = fromStdin();
    } else {
      key = fromPrompt();
    }
    return checked(trim(key), source);
  }

  private static char[] fromFile(UnlockKeySource.File file) {
    byte[] bytes = KEY_FILE.read(file.path());
    try {
      return decode(bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  private char[] fromEnv(UnlockKeySource.Env env) {
    String value = environment.get(env.name());
    if (value == null || value.isBlank()) {
      throw new SwarmsnapException(
          ExitCode.NOT_FOUND, "the environment variable " + env.name() + " is not set",
          "export it, or give the key another way (--unlock-key-file, --unlock-key-cmd, --unlock-key-stdin)");
    }
    return value.toCharArray();
  }

  private static char[] fromCommand(UnlockKeySource.Command command) {
    ShellCommand.Result result = new ShellCommand().shStdoutOnly(command.commandLine(), COMMAND_TIMEOUT);
    if (!result.succeeded()) {
      throw new SwarmsnapException(
          ExitCode.FAILED,
          "the unlock key command failed" + (result.timedOut() ? " (timed out after 60 s)" : " (exit " + result.exitCode() + ")")
              + ": " + command.commandLine(),
          "run it by hand to see why; it must print the key on stdout");
    }
    return result.output().toCharArray();
  }

  private char[] fromStdin() {
    try {
      byte[] line = readLine(stdin);
      try {
        return decode(line);
      } finally {
        Arrays.fill(line, (byte) 0);
      }
    } catch (IOException e) {
      throw new SwarmsnapException(ExitCode.FAILED, "cannot read the unlock key from stdin: " + e.getMessage(), null);
    }
  }

  private char[] fromPrompt() {
    if (console == null) {
      throw new SwarmsnapException(
          ExitCode.USAGE, "an unlock key is needed and there is no terminal to ask for it",
          "give it with --unlock-key-file, --unlock-key-env, --unlock-key-cmd or --unlock-key-stdin");
    }
    char[] key = console.readPassword("Swarm unlock key (SWMKEY-1-...): ");
    return key == null ? new char[0] : key;
  }

  private static char[] checked(char[] key, UnlockKeySource source) {
    boolean shaped = key.length > PREFIX.length()
        && new String(key, 0, PREFIX.length()).equals(PREFIX);
    if (!shaped) {
      Arrays.fill(key, '\0');
      throw new SwarmsnapException(
          ExitCode.USAGE,
          "what " + source.describe() + " gave is not a swarm unlock key (they start with " + PREFIX + ")",
          "the key is what 'docker swarm unlock-key -q' prints on a manager");
    }
    return key;
  }

  private static char[] trim(char[] key) {
    int start = 0;
    int end = key.length;
    while (start < end && Character.isWhitespace(key[start])) {
      start++;
    }
    while (end > start && Character.isWhitespace(key[end - 1])) {
      end--;
    }
    char[] trimmed = Arrays.copyOfRange(key, start, end);
    Arrays.fill(key, '\0');
    return trimmed;
  }

  private static char[] decode(byte[] bytes) {
    CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
    char[] result = new char[chars.remaining()];
    chars.get(result);
    Arrays.fill(chars.array(), '\0');
    return result;
  }

  private static byte[] readLine(InputStream in) throws IOException {
    byte[] buffer = new byte[256];
    int length = 0;
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      if (length == SmallFileReader.KEY_FILE_LIMIT) {
        // stdin may be /dev/zero or an endless pipe: an unlock key is one short line
        Arrays.fill(buffer, (byte) 0);
        throw new SwarmsnapException(ExitCode.USAGE,
            "stdin gave more than 1 MiB without a line end; an unlock key is one short line",
            "pipe just the key (SWMKEY-1-...) into --unlock-key-stdin");
      }
      if (length == buffer.length) {
        byte[] bigger = Arrays.copyOf(buffer, length * 2);
        Arrays.fill(buffer, (byte) 0);
        buffer = bigger;
      }
      buffer[length++] = (byte) b;
    }
    byte[] line = Arrays.copyOf(buffer, length);
    Arrays.fill(buffer, (byte) 0);
    return line;
  }
}
