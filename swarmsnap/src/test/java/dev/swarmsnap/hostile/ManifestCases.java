package dev.swarmsnap.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.luben.zstd.ZstdOutputStream;
import dev.swarmsnap.archive.HostileArchive;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import static dev.swarmsnap.hostile.HostileCorpus.*;
import static dev.swarmsnap.hostile.InputFiles.*;

/** Manifests that lie about, or break the rules of, the archive they head: named edits and random ones. */
final class ManifestCases {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HostileCorpus corpus;
  private final Materials m;
  private final Random random;

  ManifestCases(HostileCorpus corpus, Materials materials, Random random) {
    this.corpus = corpus;
    this.m = materials;
    this.random = random;
  }

  // ---- manifests that lie about, or break the rules of, the archive they head -----------------

  void add() {
    manifestFields();
    randomManifestFields(30);
  }

  private void manifestFields() {
    manifest("role worker", t -> node(t).put("role", "worker"), VERIFY_FAILED);
    manifest("another node id", t -> node(t).put("node_id", "zzzzzzzzzzzzzzzzzzzzzzzzz"), VERIFY_FAILED);
    manifest("node id with a path", t -> node(t).put("node_id", "../../etc"), VERIFY_FAILED);
    manifest("cluster id with a path", t -> node(t).put("cluster_id", "../../etc"), VERIFY_FAILED);
    manifest("another cluster id", t -> node(t).put("cluster_id", "yyyyyyyyyyyyyyyyyyyyyyyyy"), VERIFY_FAILED);
    manifest("uppercase node id", t -> node(t).put("node_id", node(t).get("node_id").asText().toUpperCase()),
        VERIFY_FAILED);
    manifest("no managers", t -> t.putArray("managers"), VERIFY_FAILED);
    manifest("managers without this node", t -> {
      ObjectNode other = ((ObjectNode) t.get("managers").get(0)).deepCopy().put("node_id", "xxxxxxxxxxxxxxxxxxxxxxxxx");
      t.putArray("managers").add(other);
    }, VERIFY_FAILED);
    manifest("2000 managers", t -> {
      ArrayNode list = t.putArray("managers");
      for (int i = 0; i < 2000; i++) {
        list.add(((ObjectNode) node(t).deepCopy()).put("addr", "10.0.0.1:2377").put("reachability", "reachable"));
      }
    }, VERIFY_FAILED);
    manifest("manager address not host:port", t -> manager(t).put("addr", "not an address"), VERIFY_FAILED);
    manifest("manager address with a path", t -> manager(t).put("addr", "../../x:2377"), VERIFY_FAILED);
    manifest("manager port 99999", t -> manager(t).put("addr", "192.0.2.2:99999"), VERIFY_FAILED);
    manifest("manager id with a slash", t -> manager(t).put("node_id", "a/b"), VERIFY_FAILED);
    // restore asks for the unlock key (2) before it reads the state; verify and inspect find the lie
    manifest("autolock on an unlocked state", t -> lock(t).put("autolock", true), Set.of(2, 4));
    manifest("fingerprint without autolock", t -> lock(t).put("unlock_key_fingerprint", "sha256:" + "ab".repeat(8)),
        VERIFY_FAILED);
    manifest("the unlock key as fingerprint", t -> lock(t).put("unlock_key_fingerprint", m.unlockKey()),
        VERIFY_FAILED, m.unlockKey());
    manifest("original length 2^62", t -> firstFile(t).put("original_length", 1L << 62), VERIFY_FAILED);
    manifest("original length 8 GiB over the cap", t -> firstFile(t).put("original_length", (1L << 40) + 1),
        VERIFY_FAILED);
    manifest("uid 2^40", t -> firstFile(t).put("uid", 1L << 40), VERIFY_FAILED);
    manifest("gid -1", t -> firstFile(t).put("gid", -1), VERIFY_FAILED);
    manifest("mode 7777", t -> firstFile(t).put("mode", "7777"), VERIFY_FAILED);
    manifest("mode 4755 setuid", t -> firstFile(t).put("mode", "4755"), VERIFY_FAILED);
    manifest("mode text", t -> firstFile(t).put("mode", "rwxrwxrwx"), VERIFY_FAILED);
    manifest("format version 2", t -> t.put("format_version", 2), Set.of(1));
    manifest("format version 0", t -> t.put("format_version", 0), VERIFY_FAILED);
    manifest("format version text", t -> t.put("format_version", "1"), VERIFY_FAILED);
    manifest("format version 1.5", t -> t.put("format_version", 1.5), VERIFY_FAILED);
    manifest("format version 2^40", t -> t.put("format_version", 1L << 40), VERIFY_FAILED);
    manifest("no node", t -> t.remove("node"), VERIFY_FAILED);
    manifest("node null", t -> t.putNull("node"), VERIFY_FAILED);
    manifest("files null", t -> t.putNull("files"), VERIFY_FAILED);
    manifest("files an object", t -> t.putObject("files"), VERIFY_FAILED);
    manifest("a file listed twice", t -> ((ArrayNode) t.get("files")).add(firstFile(t).deepCopy()), VERIFY_FAILED);
    manifest("hostname with a newline and ESC", t -> node(t).put("hostname", "evil\nswarmsnap: all good\u001b[2J"),
        VERIFY_FAILED);
    manifest("hostname 10000 characters", t -> node(t).put("hostname", "h".repeat(10_000)), VERIFY_FAILED);
    manifest("tool version with C1 controls", t -> t.put("tool_version", "1.0\u009b31m"), VERIFY_FAILED);
    manifest("created_at not a time", t -> t.put("created_at", "yesterday"), VERIFY_FAILED);
    manifest("negative downtime", t -> t.put("engine_downtime_ms", -5), VERIFY_FAILED);
    manifest("snapshot index -1", t -> raft(t).put("snapshot_index", -1), VERIFY_FAILED);
    manifest("last log index that is not the state's", t -> raft(t).put("last_log_index", 999_999), VERIFY_FAILED);
    manifest("stored length over original", t -> firstFile(t).put("stored_length",
        firstFile(t).get("original_length").asLong() + 1), VERIFY_FAILED);
    manifest("sha256 not hex", t -> firstFile(t).put("sha256", "z".repeat(64)), VERIFY_FAILED);
    manifest("path with dot-dot", t -> firstFile(t).put("path", "swarm/../../etc/passwd"), VERIFY_FAILED);
    manifest("path with ESC", t -> firstFile(t).put("path", "swarm/\u001b[31mred"), VERIFY_FAILED);
    manifest("path absolute", t -> firstFile(t).put("path", "/etc/passwd"), VERIFY_FAILED);
    manifest("kind symlink", t -> firstFile(t).put("kind", "symlink"), VERIFY_FAILED);
    manifest("length 1e400", t -> firstFile(t).put("original_length", new java.math.BigDecimal("1e400")),
        VERIFY_FAILED);
    manifest("a listed file the archive lacks", t -> ((ArrayNode) t.get("files")).add(firstFile(t).deepCopy()
        .put("path", "swarm/absent.json")), VERIFY_FAILED);
    manifest("an entry left unlisted", t -> ((ArrayNode) t.get("files")).remove(files(t).size() - 1), VERIFY_FAILED);
    manifest("unknown extra field", t -> t.put("x_future_field", "ignored"), OK);
    manifestText("duplicate key", s -> s.replaceFirst("\\{", "{\"tool_version\":\"a\","), VERIFY_FAILED);
    manifestText("trailing garbage", s -> s + "\n{}", VERIFY_FAILED);
    manifestText("not JSON", s -> "\u0000\u0001garbage " + m.unlockKey(), VERIFY_FAILED, m.unlockKey());
    manifestText("a JSON array", s -> "[" + s + "]", VERIFY_FAILED);
    manifestText("empty", s -> "", VERIFY_FAILED);
    manifestText("20000 nested arrays", s -> "[".repeat(20_000) + "]".repeat(20_000), VERIFY_FAILED);
    manifestText("invalid UTF-8", s -> s.replace("\"swarm\"", "\"sw\uFFFDrm\""), VERIFY_FAILED);
  }

  private void manifest(String name, Consumer<ObjectNode> edit, Set<Integer> codes, String... planted) {
    manifestText(name, s -> {
      try {
        ObjectNode tree = (ObjectNode) JSON.readTree(s);
        edit.accept(tree);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }, codes, planted);
  }

  private void manifestText(String name, UnaryOperator<String> edit, Set<Integer> codes, String... planted) {
    String text = edit.apply(m.plainManifest());
    corpus.archiveCommands("manifest " + name, dir -> repack(dir.resolve("a.swarmsnap"),
        text.getBytes(StandardCharsets.UTF_8), m.plainEntries().subList(1, m.plainEntries().size())), codes, planted);
  }

  /** Random leaves of the manifest replaced by random hostile values. */
  private void randomManifestFields(int count) {
    Object[] values = {null, -1L, 1L << 62, "", "../../../etc", "\u001b]0;owned\u0007", "a\nb", true, 3.5,
        "x".repeat(5000), JSON.createArrayNode(), JSON.createObjectNode(), Long.MIN_VALUE, "\u202egnp.exe"};
    for (int i = 0; i < count; i++) {
      int pick = random.nextInt(1 << 20);
      Object value = values[random.nextInt(values.length)];
      String text;
      try {
        ObjectNode tree = (ObjectNode) JSON.readTree(m.plainManifest());
        List<ObjectNode> parents = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        leaves(tree, parents, fields);
        int at = pick % fields.size();
        set(parents.get(at), fields.get(at), value);
        text = JSON.writeValueAsString(tree);
        String label = "random " + i + " " + fields.get(at);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        HostileCase.Input input = dir -> repack(dir.resolve("a.swarmsnap"), bytes,
            m.plainEntries().subList(1, m.plainEntries().size()));
        corpus.add("verify manifest " + label, input, verify(), Set.of(0, 1, 4));
        corpus.add("inspect manifest " + label, input, inspect(), Set.of(0, 1, 4));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static void leaves(JsonNode node, List<ObjectNode> parents, List<String> fields) {
    if (node instanceof ObjectNode object) {
      object.fields().forEachRemaining(f -> {
        if (f.getValue().isContainerNode()) {
          leaves(f.getValue(), parents, fields);
        } else {
          parents.add(object);
          fields.add(f.getKey());
        }
      });
    } else if (node instanceof ArrayNode array) {
      array.forEach(e -> leaves(e, parents, fields));
    }
  }

  private static void set(ObjectNode parent, String field, Object value) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    parent.set(field, value == null ? f.nullNode() : value instanceof JsonNode n ? n : value instanceof Long l
        ? f.numberNode(l) : value instanceof Double d ? f.numberNode(d) : value instanceof Boolean b
        ? f.booleanNode(b) : f.textNode((String) value));
  }

  private static ObjectNode node(ObjectNode t) {
    return (ObjectNode) t.get("node");
  }

  private static ObjectNode lock(ObjectNode t) {
    return (ObjectNode) t.get("lock");
  }

  private static ObjectNode raft(ObjectNode t) {
    return t.has("raft") && t.get("raft").isObject() ? (ObjectNode) t.get("raft") : t.putObject("raft");
  }

  private static ObjectNode manager(ObjectNode t) {
    return (ObjectNode) t.get("managers").get(0);
  }

  private static ArrayNode files(ObjectNode t) {
    return (ArrayNode) t.get("files");
  }

  /** The first regular file listed (api/cluster... or swarm/...), so its entry exists in the archive. */
  private static ObjectNode firstFile(ObjectNode t) {
    for (JsonNode f : files(t)) {
      if ("file".equals(f.path("kind").asText())) {
        return (ObjectNode) f;
      }
    }
    throw new IllegalStateException("no file listed");
  }

}
