package dev.swarmsnap.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swarmsnap.cli.CliContext;
import dev.swarmsnap.cli.SwarmsnapCli;
import dev.swarmsnap.lab.LabNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs swarmsnap in-process against a lab node, with exactly the environment {@code lab env NODE}
 * prints, as a user would after {@code eval "$(swarmsnap lab env NODE)"}.
 */
public final class Swarmsnap {
  private Swarmsnap() {}

  /** What one run printed and returned. */
  public record Run(int code, String out, String err) {
    public JsonNode json() {
      try {
        return new ObjectMapper().readTree(out);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + out + "\nstderr: " + err, e);
      }
    }
  }

  public static Run on(LabNode node, String... args) {
    return run(envFor(node), args);
  }

  public static Run run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext context = new CliContext(env, new PrintWriter(out, true), new PrintWriter(err, true), Clock.systemUTC(), false);
    int code = new SwarmsnapCli(context).run(args);
    return new Run(code, out.toString(), err.toString());
  }

  /**
   * Starts the shaded jar as a child process against {@code node}, output to {@code log}: for tests
   * that kill swarmsnap or run two at once.
   */
  public static Process spawn(LabNode node, Map<String, String> extraEnv, Path log, String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(envFor(node));
    builder.environment().putAll(extraEnv);
    try {
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The shaded jar that {@code mvn package} built before the integration tests run. */
  public static Path jar() {
    Path jar = Path.of("target", "swarmsnap.jar").toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: integration tests run after 'mvn package'");
    }
    return jar;
  }

  public static Map<String, String> envFor(LabNode node) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("DOCKER_HOST", "unix://" + node.socket());
    env.put("SWARMSNAP_SWARM_DIR", node.swarmDir().toString());
    env.put("SWARMSNAP_ENGINE_CONTROL", "pid");
    env.put("SWARMSNAP_PIDFILE", node.pidFile().toString());
    env.put("SWARMSNAP_START_CMD", node.startScript().toString());
    env.put("SWARMSNAP_RUN_DIR", node.dir().resolve("run").toString());
    // as 'lab env' exports it: the engine the labs of this run use (the engine matrix sets it)
    env.put("SWARMSNAP_DOCKERD", System.getProperty("swarmsnap.lab.dockerd", "dockerd"));
    return env;
  }
}
