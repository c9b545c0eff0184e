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

/**
 * Generates the hostile cases from the good {@link Materials}, deterministically from a seed: the
 * same seed gives the same cases with the same names, so a failure reproduces. Inputs stay small
 * on disk (the largest is a 2 MiB docker-state.json); each is written into its case's directory
 * only when the case runs.
 */
final class HostileCorpus {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<Integer> OK = Set.of(0);
  private static final Set<Integer> VERIFY_FAILED = Set.of(4);
  /** Damaged archives: 4, or 1 where the damage leaves no swarmsnap archive to speak of. */
  private static final Set<Integer> DAMAGED = Set.of(1, 4);
  /** A damaged swarm directory: verify reports FAILs (4); inspect, strict, stops at the first (1, or 8 when missing). */
  private static final Set<Integer> DIR_VERIFY = Set.of(4);
  private static final Set<Integer> DIR_INSPECT = Set.of(1, 4, 8);
  /** A bad unlock key: malformed 2, wrong 1, file missing 8. */
  private static final Set<Integer> BAD_KEY = Set.of(1, 2, 8);

  private final Materials m;
  private final Random random;
  private final List<HostileCase> cases = new ArrayList<>();

  HostileCorpus(Materials materials, long seed) {
    this.m = materials;
    this.random = new Random(seed);
  }

  List<HostileCase> cases() {
    controls();
    manifestFields();
    randomManifestFields(30);
    entries();
    archiveBytes(45, 24);
    directories();
    keys();
    age();
    return List.copyOf(cases);
  }

  // ---- commands ------------------------------------------------------------------------------

  private static HostileCase.Command verify(String... extra) {
    return (input, dir) -> concat(List.of("verify", input.toString()), extra);
  }

  private static HostileCase.Command inspect(String... extra) {
    return (input, dir) -> concat(List.of("inspect", "--json", input.toString()), extra);
  }

  private static HostileCase.Command restore(String... extra) {
    return (input, dir) -> concat(List.of("restore", input.toString(), "--dry-run", "--swarm-dir",
        dir.resolve("target/swarm").toString()), extra);
  }

  private static List<String> concat(List<String> head, String... tail) {
    List<String> all = new ArrayList<>(head);
    all.addAll(Arrays.asList(tail));
    return all;
  }

  private void add(String name, HostileCase.Input input, HostileCase.Command command, Set<Integer> codes,
      String... planted) {
    cases.add(new HostileCase(name, input, command, codes, List.of(planted)));
  }

  /** The same input through verify, inspect --json and restore --dry-run. */
  private void archiveCommands(String name, HostileCase.Input input, Set<Integer> codes, String... planted) {
    add("verify " + name, input, verify(), codes, planted);
    add("inspect " + name, input, inspect(), codes, planted);
    add("restore " + name, input, restore(), codes, planted);
  }

  // ---- controls: the good inputs pass, so a refusal below is about the damage ----------------

  private void controls() {
    archiveCommands("good plain archive", dir -> m.plainArchive(), OK);
    add("verify good locked archive", dir -> m.lockedArchive(),
        (in, dir) -> List.of("verify", in.toString(), "--unlock-key-file", key(d -> keyFile(d, m.unlockKey()), dir)), OK);
    add("verify good encrypted archive", dir -> m.encryptedArchive(), verify("--identity", m.identity().toString()), OK);
    add("verify good plain directory", dir -> copyTree(m.plainDir(), dir.resolve("swarm")), verify(), OK);
    add("inspect good plain directory", dir -> copyTree(m.plainDir(), dir.resolve("swarm")), inspect(), OK);
  }

  // ---- manifests that lie about, or break the rules of, the archive they head -----------------

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
    archiveCommands("manifest " + name, dir -> repack(dir.resolve("a.swarmsnap"),
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
        add("verify manifest " + label, input, verify(), Set.of(0, 1, 4));
        add("inspect manifest " + label, input, inspect(), Set.of(0, 1, 4));
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

  // ---- tar entries swarmsnap never writes --------------------------------------------------------

  private void entries() {
    String state = "swarm/docker-state.json";
    entryCase("symlink to /etc/passwd", a -> a.link(state, TarConstants.LF_SYMLINK, "/etc/passwd"), state);
    entryCase("hard link to /etc/shadow", a -> a.link(state, TarConstants.LF_LINK, "/etc/shadow"), state);
    entryCase("character device", a -> {
      TarArchiveEntry dev = new TarArchiveEntry(state, TarConstants.LF_CHR, true);
      dev.setDevMajor(1);
      dev.setDevMinor(3);
      a.special(dev);
    }, state);
    entryCase("block device", a -> {
      TarArchiveEntry dev = new TarArchiveEntry(state, TarConstants.LF_BLK, true);
      dev.setDevMajor(8);
      a.special(dev);
    }, state);
    entryCase("fifo", a -> a.special(new TarArchiveEntry(state, TarConstants.LF_FIFO, true)), state);
    entryCase("sparse entry", a -> a.entry(new TarArchiveEntry(state, TarConstants.LF_GNUTYPE_SPARSE, true),
        bytes("{}")), state);
    entryCase("unknown type", a -> a.entry(new TarArchiveEntry(state, (byte) 'Z', true), bytes("{}")), state);
    entryCase("dot-dot name", a -> a.file("swarm/../../escaped", "x"), null);
    entryCase("bare dot-dot name", a -> a.file("../escaped", "x"), null);
    entryCase("absolute name", a -> a.file("/tmp/swarmsnap-hostile-absolute", "x"), null);
    entryCase("duplicate entry", a -> a.file(state, content(state)), null);
    entryCase("unlisted entry", a -> a.file("swarm/extra", "x"), null);
    entryCase("unlisted entry holding the unlock key", a -> a.file("swarm/unlock-key", m.unlockKey()), null,
        m.unlockKey());
    entryCase("name with a newline", a -> a.file("swarm/evil\nswarmsnap: OK all checks passed", "x"), null);
    entryCase("name with ESC sequences", a -> a.file("swarm/\u001b[2J\u001b]0;owned\u0007", "x"), null);
    entryCase("name with a C1 CSI", a -> a.file("swarm/\u009b31mred", "x"), null);
    entryCase("name with DEL and BEL", a -> a.file("swarm/\u007f\u0007", "x"), null);
    entryCase("name with a bidi override", a -> a.file("swarm/\u202etxt.exe", "x"), null);
    entryCase("name 5000 characters", a -> a.file("swarm/" + "n".repeat(5000), "x"), null);
    entryCase("directory where a file is listed", a -> a.directory(state), state);
    entryCase("file where a directory is listed", a -> a.file("swarm/worker", "x"), "swarm/worker/");
    entryCase("oversized entry", a -> a.file(state, content(state) + " ".repeat(100)), state);
    entryCase("short entry", a -> a.file(state, content(state).substring(1)), state);
    entryCase("changed content", a -> a.file(state, content(state).replace('0', '1')), state);
    entryCase("missing entry", a -> { }, state);
    archiveCommands("entry 8 GiB bomb", this::bomb, DAMAGED);
    archiveCommands("entry manifest not first", dir -> {
      Path out = dir.resolve("a.swarmsnap");
      try (HostileArchive a = new HostileArchive(out)) {
        a.directory("swarm").file("manifest.json", m.plainEntries().get(0).content());
      }
      return out;
    }, Set.of(1));
    archiveCommands("entry no entries", dir -> {
      Path out = dir.resolve("a.swarmsnap");
      new HostileArchive(out).close();
      return out;
    }, Set.of(1));
  }

  /** Adds entries to an archive being written. */
  @FunctionalInterface
  private interface ArchiveEdit {
    void accept(HostileArchive archive) throws IOException;
  }

  /** The plain archive with {@code replaced} left out and {@code extra} written after its entries. */
  private void entryCase(String name, ArchiveEdit extra, String replaced, String... planted) {
    archiveCommands("entry " + name, dir -> {
      Path out = dir.resolve("a.swarmsnap");
      try (HostileArchive a = new HostileArchive(out)) {
        for (Materials.Entry e : m.plainEntries()) {
          if (!e.name().equals(replaced)) {
            write(a, e);
          }
        }
        extra.accept(a);
      }
      return out;
    }, VERIFY_FAILED, planted);
  }

  private String content(String name) {
    return m.plainEntries().stream().filter(e -> e.name().equals(name)).findFirst()
        .map(e -> new String(e.content(), StandardCharsets.UTF_8)).orElseThrow();
  }

  /**
   * An entry whose header claims 8 GiB, followed by 16 MiB of zeros and no end: a reader that
   * trusted the header would decompress 8 GiB (the file is ~1 kB).
   */
  private Path bomb(Path dir) throws IOException {
    Path out = dir.resolve("a.swarmsnap");
    try (OutputStream file = Files.newOutputStream(out)) {
      ZstdOutputStream zstd = new ZstdOutputStream(file, 3);
      TarArchiveOutputStream tar = new TarArchiveOutputStream(zstd, "UTF-8");
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      for (Materials.Entry e : m.plainEntries()) {
        TarArchiveEntry entry = new TarArchiveEntry(e.name(), true);
        if (!e.directory()) {
          entry.setSize(e.content().length);
        }
        tar.putArchiveEntry(entry);
        tar.write(e.content());
        tar.closeArchiveEntry();
      }
      TarArchiveEntry big = new TarArchiveEntry("swarm/bomb", true);
      big.setSize(8L << 30);
      tar.putArchiveEntry(big);
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 16; i++) {
        tar.write(zeros);
      }
      tar.flush();
      zstd.close(); // the tar entry stays unfinished, as an attacker would leave it
    }
    return out;
  }

  // ---- damaged bytes ------------------------------------------------------------------------------

  private void archiveBytes(int flips, int cuts) {
    byte[] good = read(m.plainArchive());
    for (int i = 0; i < flips; i++) {
      int at = random.nextInt(good.length);
      int bit = 1 << random.nextInt(8);
      byte[] bad = good.clone();
      bad[at] ^= (byte) bit;
      HostileCase.Input input = dir -> write(dir.resolve("a.swarmsnap"), bad);
      String name = "bytes flip at " + at + " bit " + bit;
      // verify every one; inspect and restore on a third each
      add("verify " + name, input, verify(), DAMAGED);
      if (i % 3 == 1) {
        add("inspect " + name, input, inspect(), DAMAGED);
      } else if (i % 3 == 2) {
        add("restore " + name, input, restore(), DAMAGED);
      }
    }
    for (int i = 0; i < cuts; i++) {
      int at = random.nextInt(good.length);
      byte[] cut = Arrays.copyOf(good, at);
      HostileCase.Input input = dir -> write(dir.resolve("a.swarmsnap"), cut);
      String name = "bytes cut at " + at;
      add("verify " + name, input, verify(), DAMAGED);
      if (i % 3 == 1) {
        add("inspect " + name, input, inspect(), DAMAGED);
      } else if (i % 3 == 2) {
        add("restore " + name, input, restore(), DAMAGED);
      }
    }
    byte[] noise = new byte[4096];
    random.nextBytes(noise);
    bytesCase("random bytes", noise, DAMAGED);
    bytesCase("empty file", new byte[0], DAMAGED);
    bytesCase("zeros", new byte[8192], DAMAGED);
    bytesCase("zstd magic only", new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd}, DAMAGED);
    bytesCase("gzip magic", new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0}, DAMAGED);
    bytesCase("age header only", bytes("age-encryption.org/v1\n"), Set.of(1, 2, 4));
    bytesCase("the unlock key", bytes(m.unlockKey() + "\n"), DAMAGED, m.unlockKey());
    bytesCase("zstd of random bytes", zstd(noise), DAMAGED);
    bytesCase("zstd of a tar of the unlock key", tarOf("manifest.json", bytes(m.unlockKey())), DAMAGED,
        m.unlockKey());
    byte[] trailing = concat(good, noise);
    archiveCommands("bytes random data after the zstd frame", dir -> write(dir.resolve("a.swarmsnap"), trailing),
        DAMAGED);
    archiveCommands("bytes a second zstd frame of garbage", dir -> write(dir.resolve("a.swarmsnap"),
        concat(good, zstd(noise))), DAMAGED);
  }

  private void bytesCase(String name, byte[] content, Set<Integer> codes, String... planted) {
    archiveCommands("bytes " + name, dir -> write(dir.resolve("a.swarmsnap"), content), codes, planted);
  }

  // ---- swarm directories ----------------------------------------------------------------------

  private void directories() {
    String wal = "raft/wal-v3-encrypted/0000000000000000-0000000000000000.wal";
    List<String> required = List.of("docker-state.json", "certificates/swarm-node.crt", "certificates/swarm-node.key",
        "certificates/swarm-root-ca.crt", wal);
    for (String file : required) {
      dirCase("delete " + file, file, p -> Files.delete(p), DIR_VERIFY, DIR_INSPECT);
      dirCase("empty " + file, file, p -> Files.write(p, new byte[0]), DIR_VERIFY, DIR_INSPECT);
      // A WAL cut anywhere is a torn tail (WARN, repairable, as dockerd does); text after a PEM
      // block is ignored by Go's pem.Decode as by the JDK; flips may hit bytes that no check covers
      // (an address digit, a key bit that only makes it not match its certificate: WARN).
      boolean json = file.endsWith(".json");
      Set<Integer> lenientVerify = Set.of(0, 4);
      Set<Integer> lenientInspect = Set.of(0, 1, 4, 8);
      dirCase("half of " + file, file, p -> Files.write(p, Arrays.copyOf(Files.readAllBytes(p),
          (int) Files.size(p) / 2)), file.endsWith(".wal") ? lenientVerify : DIR_VERIFY,
          file.endsWith(".wal") ? lenientInspect : DIR_INSPECT);
      dirCase("garbage appended to " + file, file, p -> Files.write(p, concat(Files.readAllBytes(p),
          bytes("\u0000garbage\u001b[2J")), java.nio.file.StandardOpenOption.TRUNCATE_EXISTING),
          json ? DIR_VERIFY : lenientVerify, json ? DIR_INSPECT : lenientInspect);
      for (int i = 0; i < 2; i++) {
        int pick = random.nextInt(1 << 20);
        dirCase("flip " + i + " in " + file, file, p -> {
          byte[] b = Files.readAllBytes(p);
          int at = pick % b.length;
          b[at] ^= 0x04;
          Files.write(p, b);
        }, lenientVerify, lenientInspect);
      }
    }
    dirCase("delete state.json", "state.json", p -> Files.delete(p), OK, OK);
    dirCase("delete worker/tasks.db", "worker/tasks.db", p -> Files.delete(p), OK, OK);
    String[] dockerStates = {
      "garbage", "null", "[]", "\"just a string\"", "{}", "{\"ListenAddr\":\"evil/../x\"}",
      "{\"ListenAddr\":\"0.0.0.0:99999\"}", "{\"AdvertiseAddr\":\"10.0.0.1:2377\u001b[2J\"}",
      "{\"ListenAddr\":\"0.0.0.0:2377\",\"DataPathPort\":\"many\"}",
      "{\"ListenAddr\":\"0.0.0.0:2377\",\"SubnetSize\":-1}",
      "{\"ListenAddr\":\"0.0.0.0:2377\",\"DefaultAddressPool\":\"10.0.0.0/8\"}",
      "{\"ListenAddr\":\"0.0.0.0:2377\",\"JoinInProgress\":\"yes\"}",
      "{\"ListenAddr\":[\"0.0.0.0:2377\"]}", m.unlockKey(), "{\"ListenAddr\":\"" + m.unlockKey() + "\"}"};
    for (int i = 0; i < dockerStates.length; i++) {
      String text = dockerStates[i];
      String[] planted = text.contains(m.unlockKey()) ? new String[] {m.unlockKey()} : new String[0];
      dirCase("docker-state.json variant " + i, "docker-state.json", p -> Files.writeString(p, text), DIR_VERIFY,
          DIR_INSPECT, planted);
    }
    dirCase("docker-state.json a 2 MiB string", "docker-state.json",
        p -> Files.writeString(p, "\"" + "a".repeat(2 << 20) + "\""), DIR_VERIFY, DIR_INSPECT);
    String[] managerLists = {"garbage", "{}", "[{}]", "[{\"node_id\":\"../x\",\"addr\":\"10.0.0.1:2377\"}]",
        "[{\"node_id\":\"abc\",\"addr\":\"no port\"}]", "null", "[1,2,3]"};
    for (int i = 0; i < managerLists.length; i++) {
      String text = managerLists[i];
      dirCase("state.json variant " + i, "state.json", p -> Files.writeString(p, text), DIR_VERIFY, DIR_INSPECT);
    }
    dirCase("docker-state.json a symlink to /etc/passwd", "docker-state.json", p -> {
      Files.delete(p);
      Files.createSymbolicLink(p, Path.of("/etc/passwd"));
    }, DIR_VERIFY, DIR_INSPECT);
    dirCase("swarm-node.key a symlink to /etc/shadow", "certificates/swarm-node.key", p -> {
      Files.delete(p);
      Files.createSymbolicLink(p, Path.of("/etc/shadow"));
    }, DIR_VERIFY, DIR_INSPECT);
    dirCase("docker-state.json a fifo", "docker-state.json", p -> {
      Files.delete(p);
      mkfifo(p);
    }, DIR_VERIFY, DIR_INSPECT);
    dirCase("the WAL a symlink to /dev/zero", wal, p -> {
      Files.delete(p);
      Files.createSymbolicLink(p, Path.of("/dev/zero"));
    }, DIR_VERIFY, DIR_INSPECT);
    dirCase("the WAL a fifo", wal, p -> {
      Files.delete(p);
      mkfifo(p);
    }, DIR_VERIFY, DIR_INSPECT);
  }

  /** A directory edit of one file of a copy of the plain state. */
  @FunctionalInterface
  private interface FileEdit {
    void apply(Path file) throws IOException;
  }

  private void dirCase(String name, String file, FileEdit edit, Set<Integer> verifyCodes, Set<Integer> inspectCodes,
      String... planted) {
    HostileCase.Input input = dir -> {
      Path swarm = copyTree(m.plainDir(), dir.resolve("swarm"));
      edit.apply(swarm.resolve(file));
      return swarm;
    };
    add("verify directory " + name, input, verify(), verifyCodes, planted);
    add("inspect directory " + name, input, inspect(), inspectCodes, planted);
  }

  // ---- unlock keys -----------------------------------------------------------------------------

  private void keys() {
    String[] contents = {
      "", "garbage", "SWMKEY-1-", "SWMKEY-1-" + "!".repeat(43), "SWMKEY-1-AAAA", "SWMKEY-2-" + m.unlockKey().substring(9),
      m.oldUnlockKey(), m.unlockKey() + " trailing words", "\u0000" + m.unlockKey(), "\u001b[2J" + m.unlockKey(),
      m.unlockKey().substring(0, 30), "SWMKEY-1-" + "A".repeat(10_000), m.unlockKey() + "\n" + m.unlockKey(),
      "x".repeat(1 << 20)};
    for (int i = 0; i < contents.length; i++) {
      String text = contents[i];
      String[] planted = text.length() >= 12 && !text.equals(m.oldUnlockKey()) ? new String[] {text.strip()}
          : new String[0];
      keyCases("key variant " + i, dir -> keyFile(dir, text), BAD_KEY, planted);
    }
    keyCases("key good with a newline", dir -> keyFile(dir, m.unlockKey() + "\n"), OK);
    keyCases("key file missing", dir -> dir.resolve("absent.key"), BAD_KEY);
    keyCases("key file a directory", dir -> Files.createDirectories(dir.resolve("key.d")), BAD_KEY);
    keyCases("key file a fifo", dir -> mkfifo(dir.resolve("key.fifo")), BAD_KEY);
  }

  private void keyCases(String name, HostileCase.Input key, Set<Integer> codes, String... planted) {
    HostileCase.Command withKey = (input, dir) -> List.of("verify", input.toString(), "--unlock-key-file",
        key(key, dir));
    add("verify locked archive " + name, dir -> m.lockedArchive(), withKey, codes, planted);
    add("inspect locked directory " + name, dir -> m.lockedDir(), (input, dir) -> List.of("inspect", "--json",
        input.toString(), "--unlock-key-file", key(key, dir)), codes, planted);
    add("key check " + name, dir -> m.lockedArchive(), (input, dir) -> List.of("key", "check", input.toString(),
        "--unlock-key-file", key(key, dir)), codes, planted);
  }

  private static String key(HostileCase.Input key, Path dir) {
    try {
      return key.make(dir).toString();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- age identities and encrypted archives ---------------------------------------------------

  private void age() {
    String[] identities = {"", "garbage", "AGE-SECRET-KEY-1", "AGE-SECRET-KEY-1" + "Q".repeat(58),
        "# comment only\n", "AGE-SECRET-KEY-1\u001b[2J", "x".repeat(1 << 20), m.unlockKey()};
    for (int i = 0; i < identities.length; i++) {
      String text = identities[i];
      String[] planted = text.contains(m.unlockKey()) ? new String[] {m.unlockKey()} : new String[0];
      ageCases("identity variant " + i, dir -> m.encryptedArchive(), dir -> write(dir.resolve("id.txt"), bytes(text)),
          Set.of(1, 2), planted);
    }
    ageCases("identity of someone else", dir -> m.encryptedArchive(), dir -> m.otherIdentity(), Set.of(1));
    ageCases("identity file missing", dir -> m.encryptedArchive(), dir -> dir.resolve("absent.txt"), Set.of(1, 2, 8));
    ageCases("identity file a directory", dir -> m.encryptedArchive(),
        dir -> Files.createDirectories(dir.resolve("id.d")), Set.of(1, 2, 8));
    add("verify encrypted archive without an identity", dir -> m.encryptedArchive(), verify(), Set.of(2));
    byte[] good = read(m.encryptedArchive());
    int header = indexOf(good, bytes("\n--- ")) + 5;
    for (int i = 0; i < 12; i++) {
      int at = i < 6 ? random.nextInt(header) : header + 50 + random.nextInt(good.length - header - 50);
      byte[] bad = good.clone();
      bad[at] ^= 0x01;
      ageCases("encrypted flip at " + at, dir -> write(dir.resolve("a.swarmsnap.age"), bad),
          dir -> m.identity(), Set.of(1, 4));
    }
    for (int i = 0; i < 6; i++) {
      int at = 1 + random.nextInt(good.length - 1);
      ageCases("encrypted cut at " + at, dir -> write(dir.resolve("a.swarmsnap.age"), Arrays.copyOf(good, at)),
          dir -> m.identity(), Set.of(1, 4));
    }
    ageCases("encrypted scrypt stanza", dir -> write(dir.resolve("a.swarmsnap.age"),
        bytes("age-encryption.org/v1\n-> scrypt c2FsdHNhbHRzYWx0c2FsdA 18\nAAAA\n--- AAAA\n")), dir -> m.identity(),
        Set.of(1));
    ageCases("encrypted random payload", dir -> write(dir.resolve("a.swarmsnap.age"),
        concat(Arrays.copyOf(good, header + 44), read(m.plainArchive()))), dir -> m.identity(), Set.of(1, 4));
  }

  private void ageCases(String name, HostileCase.Input archive, HostileCase.Input identity, Set<Integer> codes,
      String... planted) {
    List<String> secrets = new ArrayList<>(List.of(planted));
    secrets.add(m.ageSecret());
    String[] all = secrets.toArray(String[]::new);
    add("verify age " + name, archive, (in, dir) -> List.of("verify", in.toString(), "--identity", key(identity, dir)),
        codes, all);
    add("inspect age " + name, archive, (in, dir) -> List.of("inspect", "--json", in.toString(), "--identity",
        key(identity, dir)), codes, all);
    add("restore age " + name, archive, (in, dir) -> List.of("restore", in.toString(), "--dry-run", "--swarm-dir",
        dir.resolve("target/swarm").toString(), "--identity", key(identity, dir)), codes, all);
  }

  // ---- bytes and files ---------------------------------------------------------------------------

  private static Path repack(Path out, byte[] manifest, List<Materials.Entry> entries) throws IOException {
    try (HostileArchive a = new HostileArchive(out)) {
      a.file("manifest.json", manifest);
      for (Materials.Entry e : entries) {
        write(a, e);
      }
    }
    return out;
  }

  private static void write(HostileArchive a, Materials.Entry e) throws IOException {
    if (e.directory()) {
      a.directory(e.name());
    } else {
      a.file(e.name(), e.content());
    }
  }

  static Path keyFile(Path dir, String text) throws IOException {
    return write(dir.resolve("key.txt"), bytes(text));
  }

  private static Path write(Path file, byte[] content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, content);
    return file;
  }

  private static Path mkfifo(Path p) throws IOException {
    try {
      Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
      if (mk.waitFor() != 0) {
        throw new IOException("mkfifo failed");
      }
      return p;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  static Path copyTree(Path from, Path to) throws IOException {
    try (var paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return to;
  }

  private static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static byte[] zstd(byte[] content) {
    var out = new java.io.ByteArrayOutputStream();
    try (ZstdOutputStream z = new ZstdOutputStream(out, 3)) {
      z.write(content);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  private static byte[] tarOf(String name, byte[] content) {
    var out = new java.io.ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new ZstdOutputStream(out, 3), "UTF-8")) {
      TarArchiveEntry e = new TarArchiveEntry(name, true);
      e.setSize(content.length);
      tar.putArchiveEntry(e);
      tar.write(content);
      tar.closeArchiveEntry();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalStateException("not found");
  }
}
