package dev.swarmsnap.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Test-only: with {@code SWARMSNAP_TEST_PAUSE_AT=<phase>} in the environment, the run prints
 * {@code swarmsnap-test: paused at <phase>} to stderr when it reaches that named moment and blocks
 * there (ten minutes at most), so a test can kill it at exactly that moment. Unset, it does nothing.
 * The phases are listed in docs/architecture.md, "Kill points". With {@code
 * SWARMSNAP_TEST_RESUME_FILE=<path>} as well, the run goes on as soon as that file exists, so a test
 * can change the engine's state at that moment (the hot backup's faults) and let the run see it; once
 * the file exists, later passes of the same phase do not wait.
 */
public final class TestPause {
  public static final String VARIABLE = "SWARMSNAP_TEST_PAUSE_AT";
  public static final String RESUME_VARIABLE = "SWARMSNAP_TEST_RESUME_FILE";
  private static final Duration POLL = Duration.ofMillis(50);
  private static final Duration LONGEST = Duration.ofMinutes(10);

  private final Optional<String> at;
  private final Optional<Path> resume;
  private final CliContext context;

  public TestPause(CliContext context) {
    this.context = context;
    this.at = context.env(VARIABLE).map(String::strip);
    this.resume = context.env(RESUME_VARIABLE).map(String::strip).filter(s -> !s.isEmpty()).map(Path::of);
  }

  /** Blocks if {@code phase} is the one the test asked for; returns at once otherwise. */
  public void reached(String phase) {
    if (at.isEmpty() || !at.get().equals(phase)) {
      return;
    }
    if (resume.isPresent() && Files.exists(resume.get())) {
      return;
    }
    context.err().println("swarmsnap-test: paused at " + phase);
    context.err().flush();
    try {
      if (resume.isEmpty()) {
        Thread.sleep(LONGEST.toMillis());
        return;
      }
      for (long waited = 0; waited < LONGEST.toMillis() && !Files.exists(resume.get()); waited += POLL.toMillis()) {
        Thread.sleep(POLL.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
