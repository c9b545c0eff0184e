package dev.swarmsnap.cli.recover;

import dev.swarmsnap.cli.restore.RestoreLab;
import dev.swarmsnap.lab.Lab;
import dev.swarmsnap.lab.LabNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** What the recover tests share. */
final class RecoverLab {
  private RecoverLab() {}

  static List<LabNode> managers(Lab lab) {
    return lab.nodes().stream().filter(LabNode::isManager).sorted(Comparator.comparing(LabNode::name)).toList();
  }

  /** Full IDs of services, networks (swarm scope), configs and secrets, as the engine lists them. */
  static Map<String, Set<String>> objectIds(Lab lab, LabNode node) {
    Map<String, Set<String>> ids = new TreeMap<>();
    List<String> names = List.copyOf(RestoreLab.liveIds(lab, node, "service", "ls", "--format", "{{.Name}}"));
    List<String> inspect = new ArrayList<>(List.of("service", "inspect", "--format", "{{.ID}}"));
    inspect.addAll(names);
    ids.put("services", RestoreLab.liveIds(lab, node, inspect.toArray(String[]::new)));
    ids.put("networks", RestoreLab.liveIds(lab, node,
        "network", "ls", "--no-trunc", "--filter", "scope=swarm", "--format", "{{.ID}}"));
    ids.put("configs", RestoreLab.liveIds(lab, node, "config", "ls", "--format", "{{.ID}}"));
    ids.put("secrets", RestoreLab.liveIds(lab, node, "secret", "ls", "--format", "{{.ID}}"));
    ids.values().forEach(set -> {
      if (set.isEmpty()) {
        throw new IllegalStateException("the lab's sample objects are missing: " + ids);
      }
    });
    return ids;
  }

  /**
   * Hashes of the parts of a running manager's swarm directory that stay put (the raft WAL grows
   * with every election): the certificates and dockerd's {@code docker-state.json}, which a failed
   * force-new-cluster would rewrite.
   */
  static Map<String, String> stableHashes(LabNode node) throws Exception {
    Map<String, String> hashes = new TreeMap<>(RestoreLab.treeHashes(node.swarmDir().resolve("certificates")));
    hashes.put("docker-state.json", hash(node.swarmDir().resolve("docker-state.json")));
    return hashes;
  }

  static String hash(Path file) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(file)) {
      sha.update(in.readAllBytes());
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** Anything recover leaves next to the swarm directory. */
  static List<Path> leftovers(LabNode node) throws Exception {
    try (Stream<Path> list = Files.list(node.swarmDir().getParent())) {
      return list.filter(p -> {
        String name = p.getFileName().toString();
        return name.contains("recover");
      }).toList();
    }
  }
}
