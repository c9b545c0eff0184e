package dev.swarmsnap.testing.load;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What an {@link ApiPoller} saw: every answered poll's latency and every failed poll's reason.
 *
 * @param latencies of the answered polls, in the order they were sent
 * @param failures one line per poll that got no 2xx answer in time
 */
public record LatencyReport(List<Duration> latencies, List<String> failures) {
  public LatencyReport {
    latencies = List.copyOf(latencies);
    failures = List.copyOf(failures);
  }

  public int polls() {
    return latencies.size() + failures.size();
  }

  public Duration worst() {
    return latencies.stream().max(Duration::compareTo).orElse(Duration.ZERO);
  }

  /** Nearest-rank percentile ({@code 0 < p <= 100}) of the answered polls; zero when none answered. */
  public Duration percentile(double p) {
    if (latencies.isEmpty()) {
      return Duration.ZERO;
    }
    long[] nanos = latencies.stream().mapToLong(Duration::toNanos).sorted().toArray();
    int rank = (int) Math.ceil(p / 100.0 * nanos.length);
    return Duration.ofNanos(nanos[Math.max(0, Math.min(nanos.length, rank) - 1)]);
  }

  /** {@code polls 120, failed 0, worst 12.3 ms, p99 8.1 ms}: for test output and failure messages. */
  public String summary() {
    return "polls " + polls() + ", failed " + failures.size() + ", worst " + millis(worst()) + " ms, p99 "
        + millis(percentile(99)) + " ms" + (failures.isEmpty() ? "" : ", first failure: " + failures.get(0));
  }

  private static String millis(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.1f", d.toNanos() / 1e6);
  }

  static LatencyReport of(long[] nanos, List<String> failures) {
    return new LatencyReport(Arrays.stream(nanos).mapToObj(Duration::ofNanos).toList(), failures);
  }
}
