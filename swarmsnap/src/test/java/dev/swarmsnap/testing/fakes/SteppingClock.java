package dev.swarmsnap.testing.fakes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that moves {@code step} forward each time it is read, from the real now: polling loops
 * with minute-long deadlines give up after a few rounds, so a test of "the engine never answered"
 * takes milliseconds. Thread-safe.
 */
public final class SteppingClock extends Clock {
  private final Duration step;
  private Instant now = Instant.now();

  public SteppingClock(Duration step) {
    this.step = step;
  }

  @Override
  public synchronized Instant instant() {
    now = now.plus(step);
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("tests read instants only");
  }
}
