package dev.swarmsnap.engine;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how patiently to talk to an engine.
 *
 * @param host {@code unix:///path/to/docker.sock} or {@code tcp://host:port}
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long one request may take before the engine is considered hung
 */
public record EngineEndpoint(URI host, Duration connectTimeout, Duration requestTimeout) {
  public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

  public EngineEndpoint {
    Objects.requireNonNull(host, "host");
    if (!"unix".equals(host.getScheme()) && !"tcp".equals(host.getScheme())) {
      throw new IllegalArgumentException("engine host must be unix:// or tcp://, got " + host);
    }
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
  }

  public boolean isUnixSocket() {
    return "unix".equals(host.getScheme());
  }
}
