package dev.swarmsnap.testing.load;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A task run again and again on a daemon thread of its own until stopped; runs never overlap. */
final class Ticker {
  private final ScheduledExecutorService timer;

  private Ticker(String name) {
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true); // a test that fails before stop() must not keep the JVM alive
      return t;
    });
  }

  /** Starts {@code task} now and every {@code period} after the previous start (late runs catch up). */
  static Ticker atFixedRate(String name, Duration period, Runnable task) {
    Ticker ticker = new Ticker(name);
    ticker.timer.scheduleAtFixedRate(task, 0, period.toNanos(), TimeUnit.NANOSECONDS);
    return ticker;
  }

  /** Starts {@code task} now and {@code delay} after each run ends. */
  static Ticker withFixedDelay(String name, Duration delay, Runnable task) {
    Ticker ticker = new Ticker(name);
    ticker.timer.scheduleWithFixedDelay(task, 0, delay.toNanos(), TimeUnit.NANOSECONDS);
    return ticker;
  }

  /** No further run; waits up to {@code grace} for the run under way. */
  void stop(Duration grace) {
    timer.shutdown();
    try {
      timer.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
