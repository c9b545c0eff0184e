package dev.swarmsnap.cli;

import dev.swarmsnap.engine.EngineClient;
import dev.swarmsnap.engine.EngineEndpoint;
import dev.swarmsnap.engine.SwarmObjects;
import dev.swarmsnap.engine.dockerjava.DockerJavaEngineClient;
import dev.swarmsnap.engine.dockerjava.DockerJavaSwarmObjects;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import java.net.URI;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How to reach the local engine: {@code --host}, else {@code DOCKER_HOST}, else the default socket. */
public final class EngineOptions {
  @Option(
      names = {"-H", "--host"},
      paramLabel = "URI",
      description = "Engine API socket (unix:///path or tcp://host:port). Default: $DOCKER_HOST, else "
          + EngineEndpoint.DEFAULT_HOST + ".")
  String host;

  @Option(
      names = "--engine-timeout",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description = "Give up on an engine request after this many seconds (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  EngineEndpoint endpoint(CliContext context) {
    String value = host != null ? host : context.env("DOCKER_HOST").orElse(EngineEndpoint.DEFAULT_HOST);
    try {
      return new EngineEndpoint(URI.create(value), Duration.ofSeconds(5), Duration.ofSeconds(timeoutSeconds));
    } catch (IllegalArgumentException e) {
      throw new SwarmsnapException(
          ExitCode.USAGE,
          "bad engine address '" + value + "': " + e.getMessage(),
          "use unix:///var/run/docker.sock or tcp://HOST:PORT");
    }
  }

  /** Opens a client; the caller closes it. */
  public EngineClient open(CliContext context) {
    return new DockerJavaEngineClient(endpoint(context));
  }

  /** Opens a client for the swarm's objects (apply, the live source); the caller closes it. */
  public SwarmObjects openSwarmObjects(CliContext context) {
    return new DockerJavaSwarmObjects(endpoint(context));
  }
}
