package dev.swarmsnap.logical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarmsnap.error.BadInputException;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.swarmstate.model.SecretValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ExportDocumentCodecTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PLANTED = "planted-Value-7f3a";
  private final ExportDocumentCodec codec = new ExportDocumentCodec();

  @Test
  void aDocumentReadsBackAsWritten() throws Exception {
    ExportDocument doc = document(true);

    ExportDocument back = codec.read(codec.write(doc), "doc.json");

    assertThat(back.source()).isEqualTo(doc.source());
    assertThat(back.objects()).extracting(LogicalObject::key)
        .containsExactly("network/backend", "secret/db_pass", "config/app_conf", "service/web");
    for (LogicalObject o : doc.objects()) {
      LogicalObject b = back.find(o.kind(), o.name()).orElseThrow();
      assertThat(new SpecDiff().paths(o.spec(), b.spec())).isEmpty();
      assertThat(b.sourceId()).isEqualTo(o.sourceId());
      assertThat(b.sourceVersion()).isEqualTo(o.sourceVersion());
      assertThat(b.valueDigest()).isEqualTo(o.valueDigest());
      assertThat(b.rawSpec()).isEqualTo(o.rawSpec());
    }
    assertThat(new String(back.find(ObjectKind.SECRET, "db_pass").orElseThrow().value().orElseThrow().reveal(),
        StandardCharsets.UTF_8)).isEqualTo(PLANTED);
    assertThat(new SpecDiff().paths(doc.cluster().orElseThrow().swarmSpec(), back.cluster().orElseThrow().swarmSpec())).isEmpty();
    assertThat(back.cluster().orElseThrow().defaultAddrPool()).containsExactly("10.10.0.0/16");
  }

  @Test
  void secretValuesAreWrittenOnlyWhenTheDocumentHoldsThem() {
    String without = new String(codec.write(document(true).withoutSecretValues()), StandardCharsets.UTF_8);
    String with = new String(codec.write(document(true)), StandardCharsets.UTF_8);

    assertThat(without).doesNotContain(PLANTED, base64(PLANTED)).contains(SecretDigest.of(PLANTED.getBytes(StandardCharsets.UTF_8)));
    assertThat(with).contains(base64(PLANTED));
    assertThat(document(true).toString()).doesNotContain(PLANTED);
    assertThat(document(true).find(ObjectKind.SECRET, "db_pass").orElseThrow().toString()).doesNotContain(PLANTED);
  }

  @Test
  void aNewerFormatVersionIsRefusedBeforeAnythingElse() {
    assertRefused("{\"format\":\"swarmsnap-export\",\"formatVersion\":2,\"objects\":\"whatever\"}", "newer than this swarmsnap reads");
  }

  @Test
  void anUnknownKindIsRefused() {
    assertRefused(minimal("{\"kind\":\"volume\",\"name\":\"v\",\"spec\":{}}"), "unknown object kind 'volume'");
  }

  @Test
  void aDuplicateNameIsRefused() {
    String o = "{\"kind\":\"config\",\"name\":\"c\",\"spec\":{\"Name\":\"c\"}}";
    assertRefused(minimal(o + "," + o), "names config/c twice");
  }

  @Test
  void missingFieldsAreRefusedByName() {
    assertRefused("{\"format\":\"swarmsnap-export\",\"formatVersion\":1,\"objects\":[]}", "without a \"source\" object");
    assertRefused(minimal("{\"kind\":\"config\",\"spec\":{}}"), "without a \"name\" text");
    assertRefused(minimal("{\"kind\":\"config\",\"name\":\"c\"}"), "without a \"spec\" object");
    assertRefused("{\"format\":\"swarmsnap-export\",\"formatVersion\":1,\"source\":{\"kind\":\"archive\"}}", "no \"objects\" list");
  }

  @Test
  void notADocumentIsRefused() {
    assertRefused("not json", "is not valid JSON");
    assertRefused("{\"format\":\"other\"}", "is not a swarmsnap export document");
    assertRefused("[" + "[".repeat(5000) + "]".repeat(5000) + "]", "is not valid JSON");
  }

  @Test
  void aSecretWithDataInItsSpecOrAValueNotMatchingItsDigestIsRefused() {
    assertRefused(minimal("{\"kind\":\"secret\",\"name\":\"s\",\"spec\":{\"Name\":\"s\",\"Data\":\"eA==\"}}"), "with Data in its spec");
    assertRefused(minimal("{\"kind\":\"secret\",\"name\":\"s\",\"valueDigest\":\"" + SecretDigest.of(new byte[] {1})
        + "\",\"value\":\"eA==\",\"spec\":{\"Name\":\"s\"}}"), "does not match its valueDigest");
    assertRefused(minimal("{\"kind\":\"config\",\"name\":\"c\",\"value\":\"eA==\",\"spec\":{}}"), "only secrets have one");
  }

  @Test
  void aSpecNamedOtherwiseThanItsObjectIsRefused() {
    assertRefused(minimal("{\"kind\":\"config\",\"name\":\"c\",\"spec\":{\"Name\":\"d\"}}"), "whose spec is named 'd'");
  }

  @Test
  void controlCharactersFromTheInputAreEscapedInMessages() {
    assertThatThrownBy(() -> ObjectKind.parse("x\u001b[2J"))
        .isInstanceOf(BadInputException.class).hasMessageContaining("x\\u001b[2J");
  }

  @Test
  void selectorsNameOneObjectOrAKind() {
    assertThat(ObjectSelector.parse("secret/db_pass").matches(ObjectKind.SECRET, "db_pass")).isTrue();
    assertThat(ObjectSelector.parse("service/*").matches(ObjectKind.SERVICE, "any")).isTrue();
    assertThat(ObjectSelector.parse("service/*").matches(ObjectKind.SECRET, "any")).isFalse();
    assertThatThrownBy(() -> ObjectSelector.parse("db_pass")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("not a KIND/NAME selector");
    assertThatThrownBy(() -> ObjectSelector.parse("volume/x")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("unknown object kind");
    ExportDocument picked = document(false).select(List.of(ObjectSelector.parse("secret/db_pass")), List.of());
    assertThat(picked.objects()).extracting(LogicalObject::key).containsExactly("secret/db_pass");
    assertThat(picked.cluster()).isEmpty();
    assertThat(document(false).select(List.of(), List.of(ObjectSelector.parse("service/*"))).objects())
        .extracting(LogicalObject::key).doesNotContain("service/web");
  }

  private void assertRefused(String json, String message) {
    assertThatThrownBy(() -> codec.read(json.getBytes(StandardCharsets.UTF_8), "doc.json"))
        .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
        .hasMessageContaining(message);
  }

  private static String minimal(String objects) {
    return "{\"format\":\"swarmsnap-export\",\"formatVersion\":1,\"source\":{\"kind\":\"archive\"},\"objects\":[" + objects + "]}";
  }

  private static String base64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  static ExportDocument document(boolean withValue) {
    try {
      byte[] value = PLANTED.getBytes(StandardCharsets.UTF_8);
      LogicalObject secret = LogicalObject.of(ObjectKind.SECRET, "db_pass", (ObjectNode) JSON.readTree("{\"Name\":\"db_pass\",\"Labels\":{}}"))
          .withSource("sid", 11).withValueDigest(SecretDigest.of(value));
      if (withValue) {
        secret = secret.withValue(new SecretValue(value));
      }
      return ExportDocument.of(
          new ExportSource(ExportSource.Kind.ARCHIVE, Optional.of("cluster1"), Optional.of("28.5.2"), Optional.of(Instant.parse("2026-12-07T01:00:00Z"))),
          Optional.of(new ClusterSettings((ObjectNode) JSON.readTree("{\"Name\":\"default\",\"Raft\":{\"ElectionTick\":10}}"),
              List.of("10.10.0.0/16"), 24, 4789, Optional.of((ObjectNode) JSON.readTree(
                  "{\"Name\":\"ingress\",\"Driver\":\"overlay\",\"Ingress\":true,"
                      + "\"IPAM\":{\"Driver\":\"default\",\"Config\":[{\"Subnet\":\"10.0.0.0/24\"}]}}")))),
          List.of(
              LogicalObject.of(ObjectKind.SERVICE, "web", (ObjectNode) JSON.readTree(
                  "{\"Name\":\"web\",\"UpdateConfig\":{\"MaxFailureRatio\":0.2,\"Parallelism\":1},\"Future\":{\"Field\":[1,2]}}"))
                  .withSource("svc", 20).withRawSpec("cmF3"),
              secret,
              LogicalObject.of(ObjectKind.CONFIG, "app_conf", (ObjectNode) JSON.readTree("{\"Name\":\"app_conf\",\"Data\":\"eA==\"}")),
              LogicalObject.of(ObjectKind.NETWORK, "backend", (ObjectNode) JSON.readTree("{\"Name\":\"backend\",\"Driver\":\"overlay\"}"))));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
