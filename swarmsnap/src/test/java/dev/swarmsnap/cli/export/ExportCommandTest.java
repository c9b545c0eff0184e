package dev.swarmsnap.cli.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarmsnap.cli.CliContext;
import dev.swarmsnap.cli.SwarmsnapCli;
import dev.swarmsnap.core.export.DocumentFileSource;
import dev.swarmsnap.core.verify.RealState;
import dev.swarmsnap.crypto.age.AgeKeyPair;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.logical.ExportDocument;
import dev.swarmsnap.logical.ExportDocumentCodec;
import dev.swarmsnap.logical.LogicalObject;
import dev.swarmsnap.logical.ObjectKind;
import dev.swarmsnap.testing.TestArchives;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code export} and {@code diff} on the real fixtures (src/test/resources/fixtures/README.md), in
 * process. The fixtures' one secret, {@code rdr_secret}, holds {@code s3cr3t-value}: its bytes and
 * their base64 must never appear unless asked for, and never in plaintext without consent.
 */
@Timeout(120)
class ExportCommandTest {
  private static final String VALUE = "s3cr3t-value";
  private static final String VALUE_BASE64 = "czNjcjN0LXZhbHVl";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  @ParameterizedTest
  @ValueSource(strings = {"plain", "three", "locked", "docker26", "docker28"})
  void everyFixtureExportsToADocumentThatReadsBackTheSame(String fixture) throws Exception {
    Path dir = RealState.unpack(fixture, tmp);
    Path file = tmp.resolve(fixture + ".json");
    List<String> key = fixture.equals("locked")
        ? List.of("--unlock-key-file", RealState.resource("locked/unlock-key").toString()) : List.of();

    assertThat(run(with(key, "export", dir.toString(), "-o", file.toString()))).as(err.toString()).isZero();

    ExportDocument doc = new DocumentFileSource(file, dev.swarmsnap.crypto.age.AgeIdentities.none(), new ExportDocumentCodec()).read();
    assertThat(doc.objects()).extracting(LogicalObject::key)
        .contains("network/rdr_net", "secret/rdr_secret", "config/rdr_config", "service/rdr_agent", "service/rdr_web")
        .doesNotContain("network/ingress", "network/bridge", "network/host");
    assertThat(doc.source().clusterId()).isPresent();
    assertThat(doc.cluster()).isPresent();
    JsonNode web = doc.find(ObjectKind.SERVICE, "rdr_web").orElseThrow().spec();
    assertThat(web.at("/TaskTemplate/Networks/0/Target").asText()).isEqualTo("rdr_net");
    assertThat(web.at("/TaskTemplate/ContainerSpec/Secrets/0/SecretName").asText()).isEqualTo("rdr_secret");
    assertThat(web.at("/TaskTemplate/ContainerSpec/Configs/0/ConfigName").asText()).isEqualTo("rdr_config");
    assertThat(web.at("/EndpointSpec/Ports/0/PublishedPort").asInt()).isEqualTo(8080);
    assertThat(web.toString()).doesNotContain("SecretID", "ConfigID");
    assertThat(doc.find(ObjectKind.SECRET, "rdr_secret").orElseThrow().valueDigest()).isPresent();
    assertThat(doc.find(ObjectKind.CONFIG, "rdr_config").orElseThrow().spec().has("Data")).isTrue();
    assertThat(Files.readString(file)).doesNotContain(VALUE, VALUE_BASE64);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    if (fixture.startsWith("docker")) {
      JsonNode caps = doc.find(ObjectKind.SERVICE, "rdr_caps").orElseThrow().spec().at("/TaskTemplate/ContainerSpec");
      assertThat(caps.get("CapabilityAdd").toString()).contains("CAP_NET_ADMIN");
      assertThat(caps.get("Ulimits").toString()).contains("nofile");
      assertThat(doc.find(ObjectKind.SERVICE, "rdr_job").orElseThrow().spec().at("/Mode/ReplicatedJob/TotalCompletions").asInt())
          .isEqualTo(3);
      assertThat(doc.find(ObjectKind.SERVICE, "rdr_gjob").orElseThrow().spec().at("/Mode").has("GlobalJob")).isTrue();
    }
    assertThat(run(with(key, "diff", dir.toString(), file.toString()))).as(err.toString()).isZero();
    assertThat(out.toString()).endsWith("no differences\n");
  }

  @Test
  void anArchiveInARepositoryExportsAsTheDirectoryItWasTakenFrom() throws Exception {
    Path dir = RealState.unpack("plain", tmp);
    Path archive = TestArchives.write(dir, RealState.apiDocuments("plain"), Optional.empty(), tmp.resolve("plain.swarmsnap"));
    Path repo = tmp.resolve("repo");
    assertThat(run("copy", "--archive", archive.toString(), "--to", repo.toString())).as(err.toString()).isZero();
    out = new StringWriter();

    assertThat(run("export", "latest", "--repo", repo.toString())).as(err.toString()).isZero();

    JsonNode doc = JSON.readTree(out.toString());
    assertThat(doc.at("/source/kind").asText()).isEqualTo("archive");
    assertThat(doc.at("/source/takenAt").asText()).isNotEmpty();
    out = new StringWriter();
    assertThat(run("diff", archive.toString(), dir.toString())).as(err.toString()).isZero();
    assertThat(out.toString()).isEqualTo("no differences\n");
  }

  @Test
  void secretValuesAreNeverWrittenWithoutBeingAskedFor() throws Exception {
    Path dir = RealState.unpack("plain", tmp);

    assertThat(run("export", dir.toString())).isZero();

    assertThat(out.toString()).contains("\"rdr_secret\"").doesNotContain(VALUE, VALUE_BASE64);
    // base64 of a protobuf holding the value need not contain the value's own base64: decode each raw spec
    for (JsonNode o : JSON.readTree(out.toString()).get("objects")) {
      assertThat(new String(java.util.Base64.getDecoder().decode(o.get("rawSpec").asText()), StandardCharsets.ISO_8859_1))
          .as(o.get("name").asText()).doesNotContain(VALUE);
    }
  }

  @Test
  void secretValuesWithNeitherEncryptionNorConsentAreRefusedBeforeAnythingIsWritten() throws Exception {
    Path dir = RealState.unpack("plain", tmp);
    Path file = tmp.resolve("doc.json");

    assertThat(run("export", dir.toString(), "--with-secret-values", "-o", file.toString())).isEqualTo(ExitCode.USAGE.code());
    assertThat(run("export", dir.toString(), "--with-secret-values")).isEqualTo(ExitCode.USAGE.code());

    assertThat(file).doesNotExist();
    assertThat(out.toString()).doesNotContain(VALUE, VALUE_BASE64);
    assertThat(err.toString()).contains("--encrypt-to").contains("--plaintext-ok");
  }

  @Test
  void plaintextSecretValuesNeedConsentAndComeWithAWarningInAnOwnerOnlyFile() throws Exception {
    Path dir = RealState.unpack("plain", tmp);
    Path file = tmp.resolve("doc.json");

    assertThat(run("export", dir.toString(), "--with-secret-values", "--plaintext-ok", "-o", file.toString())).isZero();

    assertThat(Files.readString(file)).contains(VALUE_BASE64);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(err.toString()).contains("warning: the export holds secret values in plaintext").doesNotContain(VALUE);
  }

  @Test
  void encryptedSecretValuesAreNotInTheFileAndDecryptWithTheIdentity() throws Exception {
    Path dir = RealState.unpack("plain", tmp);
    Path file = tmp.resolve("doc.json.age");
    try (AgeKeyPair pair = AgeKeyPair.generate()) {
      assertThat(run("export", dir.toString(), "--with-secret-values", "--encrypt-to", pair.recipient(), "-o", file.toString()))
          .as(err.toString()).isZero();

      byte[] stored = Files.readAllBytes(file);
      assertThat(new String(stored, StandardCharsets.ISO_8859_1)).startsWith("age-encryption.org/v1").doesNotContain(VALUE, VALUE_BASE64);
      assertThat(err.toString()).doesNotContain("warning");
      ExportDocument doc = new DocumentFileSource(file, pair.identity(), new ExportDocumentCodec()).read();
      assertThat(new String(doc.find(ObjectKind.SECRET, "rdr_secret").orElseThrow().value().orElseThrow().reveal(),
          StandardCharsets.UTF_8)).isEqualTo(VALUE);
    }
  }

  @Test
  void onlyAndExcludeChooseTheObjects() throws Exception {
    Path dir = RealState.unpack("plain", tmp);

    assertThat(run("export", dir.toString(), "--only", "secret/rdr_secret", "--only", "service/*", "--exclude", "service/rdr_agent"))
        .isZero();

    JsonNode doc = JSON.readTree(out.toString());
    List<String> keys = new ArrayList<>();
    doc.get("objects").forEach(o -> keys.add(o.get("kind").asText() + "/" + o.get("name").asText()));
    assertThat(keys).containsExactly("secret/rdr_secret", "service/rdr_web");
    assertThat(doc.has("cluster")).isFalse();
    assertThat(run("export", dir.toString(), "--only", "volume/x")).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString()).contains("unknown object kind 'volume'");
  }

  @Test
  void anExistingOutputFileIsNeverOverwritten() throws Exception {
    Path dir = RealState.unpack("plain", tmp);
    Path file = Files.writeString(tmp.resolve("doc.json"), "keep me");

    assertThat(run("export", dir.toString(), "-o", file.toString())).isEqualTo(ExitCode.CONFLICT.code());

    assertThat(Files.readString(file)).isEqualTo("keep me");
  }

  @Test
  void diffListsTheChangedObjectsWithTheirPathsAndExitsOne() throws Exception {
    Path dir = RealState.unpack("plain", tmp);
    Path before = tmp.resolve("before.json");
    assertThat(run("export", dir.toString(), "-o", before.toString())).isZero();
    ObjectNode doc = (ObjectNode) JSON.readTree(before.toFile());
    for (JsonNode o : doc.get("objects")) {
      if (o.get("name").asText().equals("rdr_web")) {
        ((ObjectNode) o.at("/spec/TaskTemplate/ContainerSpec")).put("Image", "rdr-none/web:2");
      }
    }
    ((com.fasterxml.jackson.databind.node.ArrayNode) doc.get("objects")).addObject().put("kind", "config").put("name", "extra")
        .putObject("spec").put("Name", "extra");
    Path after = tmp.resolve("after.json");
    JSON.writeValue(after.toFile(), doc);
    out = new StringWriter();

    assertThat(run("diff", before.toString(), after.toString())).isEqualTo(1);
    assertThat(out.toString()).isEqualTo("+ config/extra\n~ service/rdr_web\n    TaskTemplate.ContainerSpec.Image\n2 differences\n");

    out = new StringWriter();
    assertThat(run("diff", before.toString(), after.toString(), "--json")).isEqualTo(1);
    JsonNode json = JSON.readTree(out.toString());
    assertThat(json.get("equal").asBoolean()).isFalse();
    assertThat(json.get("objects").get(1).get("paths").get(0).asText()).isEqualTo("TaskTemplate.ContainerSpec.Image");

    out = new StringWriter();
    assertThat(run("diff", before.toString(), before.toString())).isZero();
    assertThat(out.toString()).isEqualTo("no differences\n");
  }

  @Test
  void diffOfSomethingUnreadableIsAnErrorNotADifference() throws Exception {
    Path garbage = Files.writeString(tmp.resolve("garbage.json"), "{ not json");

    int code = run("diff", garbage.toString(), garbage.toString());

    assertThat(code).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString()).contains("is not valid JSON").doesNotContain("Exception");
    assertThat(run("diff", tmp.resolve("missing").toString(), garbage.toString())).isEqualTo(ExitCode.NOT_FOUND.code());
  }

  private static String[] with(List<String> extra, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(extra);
    return all.toArray(String[]::new);
  }

  private Integer run(String... args) {
    CliContext context = new CliContext(Map.of(), new PrintWriter(out, true), new PrintWriter(err, true), Clock.systemUTC(), false);
    return new SwarmsnapCli(context).run(args);
  }
}
