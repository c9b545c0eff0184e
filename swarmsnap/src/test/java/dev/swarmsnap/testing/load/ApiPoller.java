package dev.swarmsnap.testing.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks an engine {@code GET /swarm} at a fixed rate on a thread of its own and records each
 * latency and each failure, to prove the API answered all through a backup. {@code /swarm}, not
 * {@code /_ping}: it is answered by the swarm component from its raft store, so a stalled manager
 * shows, not only a live HTTP server. Polls do not overlap: a slow answer delays the next poll (the
 * latency is what shows the stall).
 */
public final class ApiPoller {
  private final UnixHttp http;
  private Ticker ticker;
  private final List<Long> latencies = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();

  private ApiPoller(UnixHttp http) {
    this.http = http;
  }

  /** Starts polling now, every {@code interval}. */
  public static ApiPoller start(UnixHttp http, Duration interval) {
    ApiPoller poller = new ApiPoller(http);
    poller.ticker = Ticker.withFixedDelay("api-poller", interval, poller::pollOnce);
    return poller;
  }

  private void pollOnce() {
    long start = System.nanoTime();
    String failure;
    try {
      UnixHttp.Response response = http.get("/swarm");
      long took = System.nanoTime() - start;
      if (response.ok()) {
        synchronized (this) {
          latencies.add(took);
        }
        return;
      }
      failure = "HTTP " + response.status() + " after " + took / 1_000_000 + " ms";
    } catch (java.io.IOException | RuntimeException e) {
      failure = e.getMessage() + " after " + (System.nanoTime() - start) / 1_000_000 + " ms";
    }
    synchronized (this) {
      failures.add(failure);
    }
  }

  /** Stops polling (the poll under way finishes) and returns every poll made. */
  public LatencyReport stop() {
    ticker.stop(http.timeout().plusSeconds(1));
    synchronized (this) {
      return LatencyReport.of(latencies.stream().mapToLong(Long::longValue).toArray(), failures);
    }
  }
}
