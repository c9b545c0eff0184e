package dev.swarmsnap.cli.outage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.lab.LabNode;
import dev.swarmsnap.testing.Await;
import dev.swarmsnap.testing.HostCommand;
import dev.swarmsnap.testing.Swarmsnap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Kills swarmsnap (a child process) at a named moment on one lab node and reports what that left.
 * The node's engine is started through a wrapper that first hashes the swarm directory, so a test
 * sees exactly the tree each engine start found, before dockerd could write to it.
 */
final class KillPoints {
  private static final Duration PATIENCE = Duration.ofMinutes(2);

  private final Path work;
  private final LabNode node;
  private final Duration backWithin;

  /** What one kill left. */
  record Killed(boolean answered, String atPause, Optional<String> startedOn, String log, String watchdogLog) {}

  /**
   * @param backWithin how long the engine may take to answer after the kill: --max-downtime plus
   *     the stop timeout
   */
  KillPoints(Path work, LabNode node, Duration backWithin) throws IOException {
    this.work = work;
    this.node = node;
    this.backWithin = backWithin;
    Files.createDirectories(work.resolve("starts"));
    script("treehash.sh", "cd \"$1\" 2>/dev/null || { echo missing; exit 0; }\n"
        + "find . -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum\n");
    // A start while the engine already runs (a watchdog's second attempt under load) finds the tree
    // the running engine has been writing since (worker/tasks.db): only a real start is recorded.
    script("start.sh", "pid=$(cat " + node.pidFile() + " 2>/dev/null)\n"
        + "if [ -z \"$pid\" ] || ! kill -0 \"$pid\" 2>/dev/null; then\n"
        + "  sh " + work.resolve("treehash.sh") + " " + node.swarmDir() + " > " + work.resolve("starts") + "/$(date +%s%N)\n"
        + "fi\nexec " + node.startScript() + "\n");
  }

  /**
   * Runs swarmsnap with {@code args}, paused at {@code phase}; takes {@code atPause} there, then
   * SIGKILL; waits until the engine answers and every watchdog has finished.
   */
  Killed killAt(String phase, Supplier<String> atPause, String... args) throws Exception {
    clearStarts();
    Path log = work.resolve(phase + "-" + args[0] + ".log");
    Process tool = Swarmsnap.spawn(node, env(Optional.of(phase)), log, args);
    boolean paused = Await.until(PATIENCE, () -> read(log).contains("swarmsnap-test: paused at " + phase));
    String pauseState = paused ? atPause.get() : "";
    tool.destroyForcibly();
    tool.waitFor(30, TimeUnit.SECONDS);
    assertThat(paused).as("paused at " + phase + ": " + read(log)).isTrue();
    boolean answered = Await.until(backWithin, this::pings);
    awaitWatchdogsGone();
    return new Killed(answered, pauseState, latestStart(), read(log), watchdogLogs());
  }

  /** The variables swarmsnap runs with, besides the node's own; a pause only when given. */
  Map<String, String> env(Optional<String> pauseAt) {
    Map<String, String> env = new HashMap<>();
    env.put("SWARMSNAP_RUN_DIR", work.resolve("run").toString());
    env.put("SWARMSNAP_START_CMD", "sh " + work.resolve("start.sh"));
    pauseAt.ifPresent(p -> env.put("SWARMSNAP_TEST_PAUSE_AT", p));
    return env;
  }

  /** The environment of an in-process run: the node's, as {@code lab env} prints it, plus ours. */
  Map<String, String> inProcess() {
    Map<String, String> env = new HashMap<>(Swarmsnap.envFor(node));
    env.putAll(env(Optional.empty()));
    return env;
  }

  /** sha256sum of every file below {@code dir}, sorted by path; "missing" if there is no such directory. */
  String treeHash(Path dir) {
    return HostCommand.run("sh", work.resolve("treehash.sh").toString(), dir.toString()).output();
  }

  /** The tree the last engine start found, if the engine was started. */
  Optional<String> latestStart() throws IOException {
    try (Stream<Path> starts = Files.list(work.resolve("starts"))) {
      return starts.sorted().reduce((a, b) -> b).map(KillPoints::read);
    }
  }

  void clearStarts() throws IOException {
    try (Stream<Path> starts = Files.list(work.resolve("starts"))) {
      for (Path start : starts.toList()) {
        Files.delete(start);
      }
    }
  }

  /** Entries next to the swarm directory whose names start with one of {@code prefixes}. */
  List<Path> siblings(String... prefixes) {
    try (Stream<Path> list = Files.list(node.swarmDir().getParent())) {
      return list.filter(p -> Stream.of(prefixes).anyMatch(prefix -> p.getFileName().toString().startsWith(prefix)))
          .toList();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The only entry next to the swarm directory whose name contains {@code infix}. */
  Path sibling(String infix) {
    List<Path> found = siblings("swarm.", ".swarmsnap-").stream()
        .filter(p -> p.getFileName().toString().contains(infix)).toList();
    assertThat(found).as("one *" + infix + "* next to the swarm directory").hasSize(1);
    return found.get(0);
  }

  boolean pings() {
    return HostCommand.run("curl", "-sf", "-m", "2", "--unix-socket", node.socket().toString(),
        "http://localhost/_ping").ok();
  }

  long dockerdPid() throws IOException {
    return Long.parseLong(Files.readString(node.pidFile()).strip());
  }

  /** Alive and not a zombie. */
  static boolean alive(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      char state = stat.substring(stat.lastIndexOf(')') + 2).charAt(0);
      return state != 'Z' && state != 'X';
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Each case starts once the watchdogs of the one before have finished. */
  void awaitWatchdogsGone() throws IOException {
    for (Path pidFile : watchdogFiles("pid")) {
      long pid = Long.parseLong(read(pidFile).strip());
      assertThat(Await.until(PATIENCE, () -> !alive(pid))).as("watchdog " + pid + " finished").isTrue();
    }
  }

  String watchdogLogs() throws IOException {
    StringBuilder logs = new StringBuilder();
    for (Path log : watchdogFiles("watchdog.log")) {
      logs.append(read(log));
    }
    return logs.toString();
  }

  private List<Path> watchdogFiles(String name) throws IOException {
    Path run = work.resolve("run");
    if (!Files.exists(run)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(run)) {
      return dirs.filter(d -> d.getFileName().toString().startsWith("outage-")).map(d -> d.resolve(name))
          .filter(Files::exists).sorted().toList();
    }
  }

  static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private void script(String name, String body) throws IOException {
    Path script = work.resolve(name);
    Files.writeString(script, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
  }
}
