package dev.swarmsnap.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Index records with and without a drill: old records stay readable, the drill round-trips. */
class BackupIndexCodecTest {
  private static final String ID = "a".repeat(64);
  private final RepositoryCodec codec = new RepositoryCodec();

  /** A record as the first release wrote it, before drills existed. */
  private static final String OLD_RECORD = """
      {
        "index_version" : 1,
        "id" : "%s",
        "created_at" : "2025-12-01T00:00:00Z",
        "cluster_id" : "cluster",
        "hostname" : "host",
        "node_id" : "node",
        "engine_version" : "28.5.2",
        "tool_version" : "0.1.0",
        "archive_name" : "swarm-x.swarmsnap",
        "archive_format" : 1,
        "size" : 100,
        "sha256" : "%s",
        "encrypted" : false,
        "autolock" : false,
        "verify" : "passed"
      }
      """.formatted(ID, ID);

  @Test
  void aRecordWrittenBeforeDrillsIsReadWithoutOne() {
    BackupIndex index = decode(OLD_RECORD);

    assertThat(index.drill()).isEmpty();
    assertThat(index.verify()).isEqualTo(VerifyResult.PASSED);
  }

  @Test
  void aDrillIsWrittenAndReadBack() {
    DrillRecord drill = new DrillRecord(DrillRecord.Result.PASSED, Instant.parse("2025-12-02T03:04:05Z"), 12_345);
    BackupIndex index = decode(OLD_RECORD).withDrill(drill);

    String json = new String(codec.encode(index), StandardCharsets.UTF_8);

    assertThat(json).contains("\"drill\"").contains("\"result\" : \"passed\"").contains("\"rto_ms\" : 12345")
        .contains("\"at\" : \"2025-12-02T03:04:05Z\"");
    assertThat(decode(json)).isEqualTo(index);
  }

  @Test
  void aFailedDrillReadsBackAsFailed() {
    String json = OLD_RECORD.replace("\"verify\" : \"passed\"",
        "\"verify\" : \"passed\", \"drill\" : {\"result\" : \"failed\", \"at\" : \"2025-12-02T00:00:00Z\", \"rto_ms\" : 0}");

    assertThat(decode(json).drill()).hasValueSatisfying(d -> assertThat(d.passed()).isFalse());
  }

  @Test
  void aDrillWithoutAResultIsRefused() {
    String json = OLD_RECORD.replace("\"verify\" : \"passed\"",
        "\"verify\" : \"passed\", \"drill\" : {\"at\" : \"2025-12-02T00:00:00Z\", \"rto_ms\" : 0}");

    assertThatThrownBy(() -> decode(json)).isInstanceOf(RepositoryException.class);
  }

  @Test
  void aRecordWithoutADrillRoundTripsWithoutOne() {
    String json = new String(codec.encode(decode(OLD_RECORD)), StandardCharsets.UTF_8);

    assertThat(decode(json).drill()).isEqualTo(Optional.empty());
  }

  private BackupIndex decode(String json) {
    return codec.decode(json.getBytes(StandardCharsets.UTF_8), BackupIndex.class, "index/x.json");
  }
}
