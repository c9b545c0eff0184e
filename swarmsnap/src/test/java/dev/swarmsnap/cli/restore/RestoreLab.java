package dev.swarmsnap.cli.restore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swarmsnap.archive.ExtractionLimits;
import dev.swarmsnap.archive.ProgressListener;
import dev.swarmsnap.archive.SafeExtractor;
import dev.swarmsnap.core.manifest.ManifestCodec;
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

  public static String inspect(Lab lab, LabNode on, String node, String format) {
    CommandResult result = lab.docker(on.name(), Duration.ofSeconds(10), "node", "inspect", node, "--format", format);
    return result.ok() ? result.stdout().trim() : "";
  }
}
