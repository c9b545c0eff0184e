package dev.swarmsnap.cli;

import dev.swarmsnap.core.keys.UnlockKeyReader;
import dev.swarmsnap.crypto.UnlockKey;
import java.util.Arrays;
import java.util.Optional;

/**
 * Turns the {@link UnlockKeyOptions} a user gave into a parsed key, wiping the text on the way.
 * Offline commands need no key for a swarm without autolock, so no option means no key (never a
 * prompt): the reader then says when one is needed.
 */
public final class UnlockKeyInput {
  private final CliContext context;

  public UnlockKeyInput(CliContext context) {
    this.context = context;
  }

  /** The key, if an option named a source; the caller wipes it. */
  public Optional<UnlockKey> read(UnlockKeyOptions options) {
    return options.source().map(source -> {
      char[] text = new UnlockKeyReader(context.environment(), System.in, System.console()).read(source);
      try {
        return UnlockKey.parse(text);
      } finally {
        Arrays.fill(text, '\0');
      }
    });
  }
}
