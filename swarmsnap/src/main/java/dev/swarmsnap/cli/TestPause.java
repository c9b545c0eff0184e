package dev.swarmsnap.cli;

import java.time.Duration;
import java.util.Optional;

/**
 * Test-only: with {@code SWARMSNAP_TEST_PAUSE_AT=<phase>} in the environment, the run prints
 * {@code swarmsnap-test: paused at <phase>} to stderr when it reaches that named moment and blocks
 * there (ten minutes at most), so a test can kill it at exactly that moment. Unset, it does nothing.
 * The phases are listed in docs/architecture.md, "Kill points".
 */
public final class TestPause {
  public static final String VARIABLE = "SWARMSNAP_TEST_PAUSE_AT";
  private static final Duration LONGEST = Duration.ofMinutes(10);

  private final Optional<String> at;
  private final CliContext context;

  public TestPause(CliContext context) {
    this.context = context;
    this.at = context.env(VARIABLE).map(String::strip);
  }

  /** Blocks if {@code phase} is the one the test asked for; returns at once otherwise. */
  public void reached(String phase) {
    if (at.isEmpty() || !at.get().equals(phase)) {
      return;
    }
    context.err().println("swarmsnap-test: paused at " + phase);
    context.err().flush();
    try {
      Thread.sleep(LONGEST.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
