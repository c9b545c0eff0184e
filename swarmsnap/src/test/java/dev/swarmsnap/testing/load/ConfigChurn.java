package dev.swarmsnap.testing.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A steady write load on a swarm: configs named {@code <prefix>-<n>} created and removed through
 * the engine API at a fixed rate, on a thread of its own; every acknowledged create is recorded.
 * It keeps a few of its configs alive and removes the oldest when it has enough, so the store
 * changes all the time but does not grow.
 *
 * <p>{@link #protect()} freezes what exists: until {@link #release()} the load removes only
 * configs it created after the call, so "every object that existed before the backup started"
 * is a set the test can name and expect in the archive.
 */
public final class ConfigChurn implements AutoCloseable {
  /** Default pacing of the proofs: 25 writes a second, above the 20 the issue asks for. */
  public static final int WRITES_PER_SECOND = 25;

  /** How long one write may take before it counts as failed. */
  public static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);

  /** Configs of its own the load keeps alive between removals. */
  private static final int KEPT = 4;

  private final UnixHttp http;
  private final String prefix;
  private Ticker ticker;
  private final ObjectMapper json = new ObjectMapper();
  /**
   * Held for a whole write, and by {@link #protect()}: a removal chosen before the call must not be
   * sent after it (it would remove a config the test counts as "existed before").
   */
  private final Object writing = new Object();
  /** Name to ID, oldest first. */
  private final Map<String, String> alive = new LinkedHashMap<>();
  private Set<String> protectedNames = Set.of();
  private final List<String> failures = new ArrayList<>();
  private long acked;
  private long next;

  private ConfigChurn(UnixHttp http, String prefix) {
    this.http = http;
    this.prefix = prefix;
  }

  /** Starts writing now, {@code writesPerSecond} at most (a slow engine makes it fewer). */
  public static ConfigChurn start(UnixHttp http, String prefix, int writesPerSecond) {
    ConfigChurn churn = new ConfigChurn(http, prefix);
    churn.ticker =
        Ticker.atFixedRate("config-churn", Duration.ofSeconds(1).dividedBy(writesPerSecond), churn::writeOnce);
    return churn;
  }

  /** True for a name this load creates: what a test leaves out when it lists objects of its own. */
  public boolean owns(String name) {
    return name.startsWith(prefix + "-");
  }

  /**
   * Freezes the configs alive now (every acknowledged create not yet removed) and returns their
   * names; waits for the write under way, so no removal chosen earlier is sent later.
   */
  public Set<String> protect() {
    synchronized (writing) {
      synchronized (this) {
        protectedNames = Set.copyOf(alive.keySet());
        return protectedNames;
      }
    }
  }

  /** Lets the load remove any of its configs again. */
  public synchronized void release() {
    protectedNames = Set.of();
  }

  /** Acknowledged creates and removals so far. */
  public synchronized long ackedWrites() {
    return acked;
  }

  /** Writes the engine refused or did not answer in time. */
  public synchronized List<String> failures() {
    return List.copyOf(failures);
  }

  private void writeOnce() {
    synchronized (writing) {
      writeOnceWhileHolding();
    }
  }

  private void writeOnceWhileHolding() {
    String removable;
    synchronized (this) {
      List<String> own = alive.keySet().stream().filter(n -> !protectedNames.contains(n)).toList();
      removable = own.size() < KEPT ? null : own.get(0);
    }
    try {
      if (removable == null) {
        create();
      } else {
        remove(removable);
      }
    } catch (IOException | RuntimeException e) {
      synchronized (this) {
        failures.add(e.getMessage());
      }
    }
  }

  private void create() throws IOException {
    String name;
    synchronized (this) {
      name = prefix + "-" + next++;
    }
    String data = Base64.getEncoder().encodeToString(("written under load: " + name).getBytes(StandardCharsets.UTF_8));
    UnixHttp.Response response = http.send("POST", "/configs/create",
        json.writeValueAsString(Map.of("Name", name, "Data", data)));
    if (response.status() != 201) {
      throw new IOException("config create " + name + ": HTTP " + response.status() + " " + response.body().strip());
    }
    String id = json.readTree(response.body()).path("ID").asText();
    synchronized (this) {
      alive.put(name, id);
      acked++;
    }
  }

  private void remove(String name) throws IOException {
    String id;
    synchronized (this) {
      id = alive.get(name);
    }
    UnixHttp.Response response = http.send("DELETE", "/configs/" + id, null);
    if (!response.ok()) {
      throw new IOException("config rm " + name + ": HTTP " + response.status() + " " + response.body().strip());
    }
    synchronized (this) {
      alive.remove(name);
      acked++;
    }
  }

  /** Stops writing; the write under way finishes. */
  @Override
  public void close() {
    ticker.stop(http.timeout().plusSeconds(1));
  }
}
