package dev.swarmsnap.lab;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts, stops and kills node daemons. Start runs the node's {@code start.sh} and waits on
 * {@code /_ping}; stop is SIGTERM to the pidfile pid and a bounded wait, then SIGKILL (docs/engine-behaviour.md §1.4).
 */
final class DaemonControl {
  private static final Pattern LAUNCHED = Pattern.compile("pid ([0-9]+)");
  private static final Duration POLL = Duration.ofMillis(50);
  private static final Duration KILL_WAIT = Duration.ofSeconds(15);

  private final CommandRunner runner;
  private final ProcessTable processes;
  private final EnginePing ping;
  private final LabSettings settings;

  DaemonControl(CommandRunner runner, ProcessTable processes, EnginePing ping, LabSettings settings) {
    this.runner = runner;
    this.processes = processes;
    this.ping = ping;
    this.settings = settings;
  }

  boolean running(LabNode node) {
    return processes.daemonOf(node.pidFile()).isPresent();
  }

  /** A launched daemon: its pid and where its log stood before the launch. */
  record Launch(LabNode node, long pid, long logOffset) {}

  Launch launch(LabNode node) {
    long offset = logSize(node);
    CommandResult result =
        runner.run(List.of(node.startScript().toString()), settings.commandTimeout()).requireOk("start dockerd of " + node.name());
    Matcher matcher = LAUNCHED.matcher(result.stdout());
    if (!matcher.find()) {
      throw new LabException(
          LabException.Kind.FAILED, node.startScript() + " did not report a pid: " + result.stdout().strip(), null);
    }
    return new Launch(node, Long.parseLong(matcher.group(1)), offset);
  }

  /**
   * Waits until every launched engine answers {@code /_ping}.
   *
   * @throws LabException FAILED when one exits or stays silent past the start timeout
   */
  void awaitReady(List<Launch> launches) {
    long deadline = System.nanoTime() + settings.startTimeout().toNanos();
    List<Launch> waiting = new ArrayList<>(launches);
    while (!waiting.isEmpty()) {
      waiting.removeIf(launch -> ping.ok(launch.node().socket(), Duration.ofSeconds(2)));
      for (Launch launch : waiting) {
        if (!processes.alive(launch.pid()) && !ping.ok(launch.node().socket(), Duration.ofSeconds(2))) {
          throw new LabException(
              LabException.Kind.FAILED,
              "dockerd of node " + launch.node().name() + " exited during start: " + logVerdict(launch),
              "see " + launch.node().dir().resolve("dockerd.log"));
        }
      }
      if (!waiting.isEmpty() && System.nanoTime() > deadline) {
        Launch late = waiting.get(0);
        throw new LabException(
            LabException.Kind.FAILED,
            "dockerd of node " + late.node().name() + " did not answer within "
                + settings.startTimeout().toSeconds() + " s: " + logVerdict(late),
            "see " + late.node().dir().resolve("dockerd.log"));
      }
      if (!waiting.isEmpty()) {
        ProcessTable.pause(POLL);
      }
    }
  }

  void start(LabNode node) {
    awaitReady(List.of(launch(node)));
  }

  /** Stops the nodes' daemons in parallel, SIGKILL after the stop timeout; returns how each went. */
  Map<String, StopOutcome> stop(List<LabNode> nodes) {
    return stop(nodes, settings.stopTimeout());
  }

  /** As {@link #stop(List)}, with SIGKILL after {@code grace}. */
  Map<String, StopOutcome> stop(List<LabNode> nodes, Duration grace) {
    Map<String, StopOutcome> outcomes = new HashMap<>();
    Map<LabNode, Long> pids = new HashMap<>();
    for (LabNode node : nodes) {
      OptionalLong pid = processes.daemonOf(node.pidFile());
      if (pid.isPresent()) {
        processes.signal(pid.getAsLong(), false);
        pids.put(node, pid.getAsLong());
      } else {
        outcomes.put(node.name(), StopOutcome.ALREADY_STOPPED);
      }
    }
    processes.awaitGone(pids.values(), grace);
    for (Map.Entry<LabNode, Long> entry : pids.entrySet()) {
      if (processes.alive(entry.getValue())) {
        processes.signal(entry.getValue(), true);
        outcomes.put(entry.getKey().name(), StopOutcome.KILLED_AFTER_TIMEOUT);
      } else {
        outcomes.put(entry.getKey().name(), StopOutcome.STOPPED);
      }
    }
    if (!processes.awaitGone(pids.values(), KILL_WAIT)) {
      throw new LabException(LabException.Kind.FAILED, "dockerd did not exit even after SIGKILL: pids " + pids.values(), null);
    }
    return outcomes;
  }

  /** SIGKILL, as a crash would; returns false if no daemon was running. */
  boolean kill(LabNode node) {
    OptionalLong pid = processes.daemonOf(node.pidFile());
    if (pid.isEmpty()) {
      return false;
    }
    processes.signal(pid.getAsLong(), true);
    if (!processes.awaitGone(List.of(pid.getAsLong()), KILL_WAIT)) {
      throw new LabException(LabException.Kind.FAILED, "dockerd of node " + node.name() + " survived SIGKILL", null);
    }
    return true;
  }

  private static long logSize(LabNode node) {
    try {
      Path log = node.dir().resolve("dockerd.log");
      return Files.exists(log) ? Files.size(log) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  /** The most telling line dockerd logged since the launch: a fatal one if any, else the last. */
  private static String logVerdict(Launch launch) {
    Path log = launch.node().dir().resolve("dockerd.log");
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      long length = file.length();
      long from = Math.max(launch.logOffset(), length - 64 * 1024);
      byte[] tail = new byte[(int) (length - from)];
      file.seek(from);
      file.readFully(tail);
      List<String> lines = new String(tail, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
      return lines.stream()
          .filter(l -> l.contains("level=fatal") || l.contains("failed to start daemon"))
          .reduce((a, b) -> b)
          .or(() -> lines.stream().reduce((a, b) -> b))
          .orElse("it logged nothing");
    } catch (IOException e) {
      return "no log (" + e.getMessage() + ")";
    }
  }
}
