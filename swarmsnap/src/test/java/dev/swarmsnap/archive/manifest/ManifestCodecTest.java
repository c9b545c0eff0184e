package dev.swarmsnap.archive.manifest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManifestCodecTest {
  private final ManifestCodec codec = new ManifestCodec();
  private final ObjectMapper json = new ObjectMapper();

  private static Manifest sample() {
    return ManifestFixtures.manifest(
        List.of(
            ManifestFile.directory("swarm", FileMode.parse("0700"), 0, 0),
            ManifestFile.file(
                "swarm/raft/wal-v3-encrypted/0000000000000000-0000000000000000.wal",
                FileMode.parse("0600"), 0, 0, 64_000_000, 14_848, ManifestFixtures.someHash()),
            ManifestFile.file("api/info.json", FileMode.parse("0644"), 0, 0, 10, 10, ManifestFixtures.someHash())));
  }

  @Test
  void roundTripKeepsEveryField() {
    Manifest manifest = sample();
    assertThat(codec.decode(codec.encode(manifest), "test")).isEqualTo(manifest);
  }

  @Test
  void fieldNamesAreSnakeCaseAndStable() throws Exception {
    JsonNode tree = json.readTree(codec.encode(sample()));
    assertThat(tree.fieldNames())
        .toIterable()
        .containsExactly(
            "format_version", "tool_version", "created_at", "engine", "node", "managers", "raft",
            "lock", "engine_downtime_ms", "files", "mode");
    assertThat(tree.get("mode").textValue()).isEqualTo("cold");
    assertThat(tree.get("format_version").intValue()).isEqualTo(1);
    assertThat(tree.get("created_at").textValue()).isEqualTo("2025-03-04T05:06:07Z");
    assertThat(tree.get("engine").fieldNames()).toIterable()
        .containsExactly("engine_version", "api_version", "os", "arch");
    assertThat(tree.get("node").fieldNames()).toIterable()
        .containsExactly("hostname", "node_id", "cluster_id", "role", "leader");
    assertThat(tree.get("node").get("role").textValue()).isEqualTo("manager");
    assertThat(tree.get("managers").get(0).fieldNames()).toIterable()
        .containsExactly("node_id", "hostname", "addr", "leader", "reachability");
    assertThat(tree.get("raft").fieldNames()).toIterable().containsExactly("snapshot_index", "last_log_index");
    assertThat(tree.get("lock").fieldNames()).toIterable()
        .containsExactly("autolock", "unlock_key_fingerprint", "kek_version");
    JsonNode wal = tree.get("files").get(1);
    assertThat(wal.fieldNames()).toIterable()
        .containsExactly("path", "kind", "mode", "uid", "gid", "original_length", "stored_length", "sha256");
    assertThat(wal.get("kind").textValue()).isEqualTo("file");
    assertThat(wal.get("mode").textValue()).isEqualTo("0600");
    assertThat(wal.get("original_length").longValue()).isEqualTo(64_000_000L);
    assertThat(tree.get("files").get(0).get("kind").textValue()).isEqualTo("dir");
    assertThat(tree.get("files").get(0).has("sha256")).isFalse();
  }

  @Test
  void absentOptionalsAreOmittedAndReadBackAsEmpty() throws Exception {
    Manifest manifest = sample();
    Manifest bare =
        new Manifest(
            manifest.formatVersion(), manifest.toolVersion(), manifest.createdAt(), manifest.engine(),
            manifest.node(), manifest.managers(), RaftFacts.UNKNOWN,
            new LockFacts(false, Optional.empty(), Optional.empty()), 0, manifest.files());
    byte[] bytes = codec.encode(bare);
    JsonNode tree = json.readTree(bytes);
    assertThat(tree.get("lock").fieldNames()).toIterable().containsExactly("autolock");
    assertThat(codec.decode(bytes, "test")).isEqualTo(bare);
  }

  @Test
  void unknownFieldsAreIgnored() throws Exception {
    ObjectNode tree = (ObjectNode) json.readTree(codec.encode(sample()));
    tree.put("added_in_a_later_release", "whatever");
    ((ObjectNode) tree.get("files").get(1)).put("xattrs", "later");
    assertThat(codec.decode(json.writeValueAsBytes(tree), "test")).isEqualTo(sample());
  }

  @Test
  void newerFormatIsRefusedClearlyEvenIfTheLayoutChanged() {
    byte[] future = "{\"format_version\": 2, \"everything\": \"different\"}".getBytes(UTF_8);
    assertThatThrownBy(() -> codec.decode(future, "b.swarmsnap"))
        .isInstanceOf(UnsupportedFormatVersionException.class)
        .hasMessage("archive format 2 is newer than this swarmsnap understands (1); upgrade swarmsnap");
  }

  @Test
  void missingFormatVersionIsNotAManifest() {
    assertThatThrownBy(() -> codec.decode("{\"files\": []}".getBytes(UTF_8), "x"))
        .isInstanceOf(ManifestFormatException.class)
        .hasMessageContaining("no integer format_version");
  }

  @Test
  void garbageIsNotJson() {
    assertThatThrownBy(() -> codec.decode(new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd}, "x"))
        .isInstanceOf(ManifestFormatException.class)
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void missingRequiredFieldIsNamed() throws Exception {
    ObjectNode tree = (ObjectNode) json.readTree(codec.encode(sample()));
    ((ObjectNode) tree.get("files").get(1)).remove("stored_length");
    assertThatThrownBy(() -> codec.decode(json.writeValueAsBytes(tree), "x"))
        .isInstanceOf(ManifestFormatException.class)
        .hasMessageContaining("stored_length");
  }

  @Test
  void hostilePathInManifestIsRejected() throws Exception {
    ObjectNode tree = (ObjectNode) json.readTree(codec.encode(sample()));
    ((ObjectNode) tree.get("files").get(1)).put("path", "swarm/../../etc/passwd");
    assertThatThrownBy(() -> codec.decode(json.writeValueAsBytes(tree), "x"))
        .isInstanceOf(ManifestFormatException.class)
        .hasMessageContaining("files[1]")
        .hasMessageContaining("'..'");
  }

  @Test
  void duplicateJsonKeysAreRejected() {
    String text = new String(codec.encode(sample()), UTF_8).replaceFirst("\\{", "{ \"tool_version\": \"x\",");
    assertThatThrownBy(() -> codec.decode(text.getBytes(UTF_8), "x"))
        .isInstanceOf(ManifestFormatException.class)
        .hasMessageContaining("tool_version");
  }

  @Test
  void valuesOutOfRangeAreACorruptManifest() throws Exception {
    String[][] edits = {
      {"files", "original_length", String.valueOf(1L << 62), "original_length must be within"},
      {"files", "uid", String.valueOf(1L << 40), "uid must be within"},
      {"node", "node_id", "\"../../etc\"", "node_id is not a swarm ID"},
      {"node", "cluster_id", "\"A/B\"", "cluster_id is not a swarm ID"},
      {"node", "hostname", "\"a\\nb\"", "hostname holds control characters"},
      {"managers", "addr", "\"not an address\"", "addr is not an address"},
    };
    for (String[] edit : edits) {
      ObjectNode tree = (ObjectNode) json.readTree(codec.encode(sample()));
      JsonNode parent = tree.get(edit[0]);
      ObjectNode target = (ObjectNode) (parent.isArray() ? parent.get(0) : parent);
      target.set(edit[1], json.readTree(edit[2]));
      assertThatThrownBy(() -> codec.decode(json.writeValueAsBytes(tree), "x")).as(edit[1])
          .isInstanceOf(ManifestFormatException.class)
          .hasMessageContaining(edit[3]);
    }
  }

  @Test
  void syntaxErrorsGiveThePositionNotTheText() {
    assertThatThrownBy(() -> codec.decode("{\"a\": SWMKEY-1-secret}".getBytes(UTF_8), "x"))
        .isInstanceOf(ManifestFormatException.class)
        .hasMessageContaining("line 1, column")
        .hasMessageNotContaining("SWMKEY");
  }

  private static Manifest hot(Optional<WalCut> cut) {
    Manifest m = sample();
    return new Manifest(m.formatVersion(), m.toolVersion(), m.createdAt(), m.engine(), m.node(), m.managers(), m.raft(),
        m.lock(), 0, m.files(), BackupMode.HOT, cut, Optional.empty());
  }

  @Test
  void aHotManifestKeepsItsModeAndCutThroughARoundTrip() throws Exception {
    WalCut cut = new WalCut("swarm/raft/wal-v3-encrypted/0000000000000000-0000000000000000.wal", 37, 1234);
    Manifest manifest = hot(Optional.of(cut));

    JsonNode tree = json.readTree(codec.encode(manifest));

    assertThat(codec.decode(codec.encode(manifest), "test")).isEqualTo(manifest);
    assertThat(tree.get("mode").textValue()).isEqualTo("hot");
    assertThat(tree.get("wal_cut").fieldNames()).toIterable()
        .containsExactly("segment", "bytes_dropped", "last_index_kept");
    assertThat(tree.get("wal_cut").get("bytes_dropped").longValue()).isEqualTo(37);
    assertThat(hot(Optional.empty()).walCut()).isEmpty();
  }

  @Test
  void aManifestWithoutModeIsAColdBackup() throws Exception {
    ObjectNode tree = (ObjectNode) json.readTree(codec.encode(sample()));
    tree.remove("mode");

    Manifest old = codec.decode(json.writeValueAsBytes(tree), "old.swarmsnap");

    assertThat(old.mode()).isEqualTo(BackupMode.COLD);
    assertThat(old.walCut()).isEmpty();
    assertThat(old).isEqualTo(sample());
  }

  @Test
  void anUnknownModeOrACutOnAColdBackupIsACorruptManifest() throws Exception {
    ObjectNode unknown = (ObjectNode) json.readTree(codec.encode(sample()));
    unknown.put("mode", "warm");
    ObjectNode coldCut = (ObjectNode) json.readTree(codec.encode(hot(Optional.of(new WalCut("swarm/x.wal", 1, 2)))));
    coldCut.put("mode", "cold");

    assertThatThrownBy(() -> codec.decode(json.writeValueAsBytes(unknown), "a"))
        .isInstanceOf(ManifestFormatException.class).hasMessageContaining("mode must be cold or hot");
    assertThatThrownBy(() -> codec.decode(json.writeValueAsBytes(coldCut), "b"))
        .isInstanceOf(ManifestFormatException.class).hasMessageContaining("only a hot backup changes the WAL");
  }
}
