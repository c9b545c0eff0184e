package dev.swarmsnap.cli.restore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swarmsnap.archive.ArchiveReader;
import dev.swarmsnap.archive.ArchiveSource;
import dev.swarmsnap.archive.ArchiveWriter;
import dev.swarmsnap.archive.CompressionSettings;
import dev.swarmsnap.archive.ExtractionLimits;
import dev.swarmsnap.archive.ProgressListener;
import dev.swarmsnap.archive.SafeExtractor;
import dev.swarmsnap.archive.manifest.EngineFacts;
import dev.swarmsnap.archive.manifest.Manifest;
import dev.swarmsnap.archive.manifest.ManifestCodec;
import dev.swarmsnap.durable.AtomicFileWriter;
import dev.swarmsnap.lab.CommandResult;
import dev.swarmsnap.lab.Lab;
import dev.swarmsnap.lab.LabNode;
import dev.swarmsnap.testing.Swarmsnap;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/** What the restore tests share: running swarmsnap on a node, reading archives, hashing trees. */
public final class RestoreLab {
  private RestoreLab() {}

  public static Swarmsnap.Run swarmsnap(LabNode node, Path runDir, Map<String, String> extra, String... args) {
    Map<String, String> env = new HashMap<>(Swarmsnap.envFor(node));
    env.put("SWARMSNAP_RUN_DIR", runDir.toString());
    env.putAll(extra);
    return Swarmsnap.run(env, args);
  }

  /** The IDs the engine listed at backup time, from the archive's {@code api/<kind>.json}. */
  public static Set<String> archivedIds(Path archive, Path scratch, String kind) throws Exception {
    Path target = scratch.resolve("x-" + kind);
    new SafeExtractor(new ManifestCodec(), new ExtractionLimits(ExtractionLimits.DEFAULT_MAX_FILE_BYTES,
        ExtractionLimits.Ownership.CURRENT_USER)).extract(archive, target, ProgressListener.NONE);
    JsonNode array = new ObjectMapper().readTree(target.resolve("api/" + kind + ".json").toFile());
    Set<String> ids = new TreeSet<>();
    for (JsonNode item : array) {
      if (!kind.equals("networks") || "swarm".equals(item.path("Scope").asText())) {
        ids.add(item.path(kind.equals("networks") ? "Id" : "ID").asText());
      }
    }
    return ids;
  }

  /**
   * A copy of {@code archive} whose manifest says it was written by engine {@code version}: the
   * archive's own files, re-packed by the project's writer so every hash stays consistent.
   */
  public static Path withEngineVersion(Path archive, String version, Path scratch) throws Exception {
    Path tree = scratch.resolve("repack-tree");
    new SafeExtractor(new ManifestCodec(), new ExtractionLimits(ExtractionLimits.DEFAULT_MAX_FILE_BYTES,
        ExtractionLimits.Ownership.CURRENT_USER)).extract(archive, tree, ProgressListener.NONE);
    Manifest m = new ArchiveReader(new ManifestCodec()).readManifest(archive);
    Manifest newer = new Manifest(m.formatVersion(), m.toolVersion(), m.createdAt(),
        new EngineFacts(version, m.engine().apiVersion(), m.engine().os(), m.engine().arch()),
        m.node(), m.managers(), m.raft(), m.lock(), m.engineDowntimeMillis(), m.files());
    List<ArchiveSource> sources = m.files().stream().filter(f -> !f.isDirectory())
        .map(f -> new ArchiveSource(f.path(), tree.resolve(f.path()))).toList();
    Path target = scratch.resolve("engine-" + version + ".swarmsnap");
    new ArchiveWriter(new AtomicFileWriter(), new ManifestCodec(), CompressionSettings.defaults())
        .write(target, newer, sources, ProgressListener.NONE);
    return target;
  }

  public static Set<String> liveIds(Lab lab, LabNode node, String... listCommand) {
    CommandResult result = lab.docker(node.name(), Duration.ofSeconds(30), listCommand);
    assertThat(result.ok()).as(result.reason()).isTrue();
    return new TreeSet<>(result.stdout().lines().map(String::trim).filter(l -> !l.isEmpty()).toList());
  }

  /** SHA-256 of every regular file below {@code dir}, by relative path; empty if it does not exist. */
  public static Map<String, String> treeHashes(Path dir) throws Exception {
    Map<String, String> hashes = new TreeMap<>();
    if (!Files.exists(dir)) {
      return hashes;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    for (Path file : files) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      try (InputStream in = Files.newInputStream(file)) {
        byte[] buffer = new byte[1 << 16];
        int n;
        while ((n = in.read(buffer)) > 0) {
          sha.update(buffer, 0, n);
        }
      }
      hashes.put(dir.relativize(file).toString(), HexFormat.of().formatHex(sha.digest()));
    }
    return hashes;
  }

  public static List<Path> siblings(Path swarmDir, String infix) throws Exception {
    try (Stream<Path> list = Files.list(swarmDir.getParent())) {
      return list.filter(p -> p.getFileName().toString().startsWith(swarmDir.getFileName() + infix)).toList();
    }
  }

  /** Hostname, manager status and node status of every manager, as {@code node ls} shows them. */
  public static List<String> managerStatuses(Lab lab, LabNode on) {
    CommandResult result = lab.docker(on.name(), Duration.ofSeconds(10), "node", "ls", "--filter", "role=manager",
        "--format", "{{.Hostname}} {{.ManagerStatus}} {{.Status}}");
    return result.ok() ? result.stdout().lines().filter(l -> !l.isBlank()).toList() : List.of();
  }

  /** Three managers, all reachable (one leader), all ready: the cluster has its quorum back. */
  public static boolean threeReachableManagers(Lab lab, LabNode on) {
    List<String> statuses = managerStatuses(lab, on);
    return statuses.size() == 3
        && statuses.stream().allMatch(s -> (s.contains(" Leader ") || s.contains(" Reachable ")) && s.endsWith(" Ready"));
  }

  /**
   * Joins each of {@code fresh} (no swarm state) as a manager through {@code joinAddr}, one at a
   * time: the next joins once the previous is a reachable manager, as one would do by hand (with two
   * raft members the cluster needs both to commit, so a slow joiner stalls every call meanwhile).
   */
  public static void joinAsManagers(Lab lab, LabNode restored, List<LabNode> fresh, String joinAddr) {
    CommandResult token = lab.docker(restored.name(), Duration.ofSeconds(30), "swarm", "join-token", "-q", "manager");
    assertThat(token.ok()).as(token.reason()).isTrue();
    for (LabNode joiner : fresh) {
      lab.start(joiner.name());
      CommandResult join = lab.docker(joiner.name(), Duration.ofSeconds(60), "swarm", "join", "--token",
          token.stdout().trim(), "--advertise-addr", joiner.address(), joinAddr);
      // the CLI gives up after 20 s while the join goes on in the background: judge by the cluster
      boolean reachable = dev.swarmsnap.testing.Await.until(Duration.ofSeconds(90), () -> inspect(lab, restored,
          joiner.hostname(), "{{.ManagerStatus.Reachability}}").equals("reachable"));
      assertThat(reachable).as(joiner.name() + " joined through " + joinAddr + ": " + join.reason() + " "
          + managerStatuses(lab, restored) + "\n" + logProblems(restored) + "\n" + logProblems(joiner)).isTrue();
    }
  }

  /**
   * Holds TCP {@code port} on all addresses inside {@code node}'s network namespace until the
   * returned process (ours) is destroyed.
   */
  static Process listenInNetns(LabNode node, int port) throws Exception {
    Process p = new ProcessBuilder("nsenter", "--net=/run/netns/" + node.netns(), "python3", "-c",
        "import socket,sys,time\n"
            + "s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\n"
            + "s.bind(('0.0.0.0', " + port + ")); s.listen(8)\n"
            + "print('listening', flush=True)\n"
            + "time.sleep(900)\n")
        .redirectErrorStream(true).start();
    String line = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream())).readLine();
    if (!"listening".equals(line)) {
      p.destroy();
      throw new IllegalStateException("cannot hold port " + port + " in " + node.netns() + ": " + line);
    }
    return p;
  }

  /** The last warnings and errors of a node's dockerd log, for failure messages. */
  static String logProblems(LabNode node) {
    try (Stream<String> lines = Files.lines(node.dir().resolve("dockerd.log"))) {
      List<String> bad = lines.filter(l -> l.contains("level=error") || l.contains("level=warn")).toList();
      return node.name() + ":\n" + String.join("\n", bad.subList(Math.max(0, bad.size() - 25), bad.size()));
    } catch (Exception e) {
      return node.name() + ": no log (" + e.getMessage() + ")";
    }
  }

  public static String inspect(Lab lab, LabNode on, String node, String format) {
    CommandResult result = lab.docker(on.name(), Duration.ofSeconds(10), "node", "inspect", node, "--format", format);
    return result.ok() ? result.stdout().trim() : "";
  }
}
