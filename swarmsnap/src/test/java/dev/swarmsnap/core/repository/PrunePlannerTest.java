package dev.swarmsnap.core.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmsnap.core.retention.RetentionPeriod;
import dev.swarmsnap.core.retention.RetentionPolicy;
import dev.swarmsnap.error.BadInputException;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.repository.BackupIndex;
import dev.swarmsnap.repository.DrillRecord;
import dev.swarmsnap.repository.VerifyResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Prune planning over synthetic index records: grouping by cluster, the verified-backup guard, picking by ID. */
class PrunePlannerTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void eachClusterIsJudgedOnItsOwn() {
    List<BackupIndex> backups = List.of(
        backup("a1", "clusterA", "2025-12-01T00:00:00Z", VerifyResult.PASSED),
        backup("a2", "clusterA", "2025-12-02T00:00:00Z", VerifyResult.PASSED),
        backup("b1", "clusterB", "2025-11-01T00:00:00Z", VerifyResult.PASSED),
        backup("b2", "clusterB", "2025-11-02T00:00:00Z", VerifyResult.PASSED));

    PruneReport report = plan(backups, policy(1, null), Optional.empty());

    assertThat(report.keep()).extracting(PruneReport.Entry::id).containsExactlyInAnyOrder(id("a2"), id("b2"));
    assertThat(report.remove()).extracting(PruneReport.Entry::id).containsExactlyInAnyOrder(id("a1"), id("b1"));
  }

  @Test
  void clusterFilterLeavesOtherClustersAlone() {
    List<BackupIndex> backups = List.of(
        backup("a1", "clusterA", "2025-12-01T00:00:00Z", VerifyResult.PASSED),
        backup("a2", "clusterA", "2025-12-02T00:00:00Z", VerifyResult.PASSED),
        backup("b1", "clusterB", "2025-11-01T00:00:00Z", VerifyResult.PASSED));

    PruneReport report = plan(backups, policy(1, null), Optional.of("clusterA"));

    assertThat(report.keep()).extracting(PruneReport.Entry::id).containsExactly(id("a2"));
    assertThat(report.remove()).extracting(PruneReport.Entry::id).containsExactly(id("a1"));
  }

  @Test
  void theLastBackupThatPassedVerifyIsNeverRemoved() {
    List<BackupIndex> backups = List.of(
        backup("a1", "clusterA", "2025-12-01T00:00:00Z", VerifyResult.PASSED),
        backup("a2", "clusterA", "2025-12-02T00:00:00Z", VerifyResult.PASSED),
        backup("a3", "clusterA", "2025-12-03T00:00:00Z", VerifyResult.NOT_RUN),
        backup("a4", "clusterA", "2025-12-04T00:00:00Z", VerifyResult.FAILED));

    PruneReport report = plan(backups, policy(1, null), Optional.empty());

    assertThat(report.keep()).extracting(PruneReport.Entry::id).containsExactly(id("a4"), id("a2"));
    assertThat(report.keep().get(1).reasons()).containsExactly(PrunePlanner.LAST_VERIFIED);
    assertThat(report.remove()).extracting(PruneReport.Entry::id).containsExactly(id("a3"), id("a1"));
  }

  @Test
  void theNewestBackupWhoseDrillPassedIsKeptLikeTheLastVerifiedOne() {
    List<BackupIndex> backups = List.of(
        drilled(backup("a1", "clusterA", "2025-12-01T00:00:00Z", VerifyResult.PASSED), DrillRecord.Result.PASSED),
        drilled(backup("a2", "clusterA", "2025-12-02T00:00:00Z", VerifyResult.PASSED), DrillRecord.Result.PASSED),
        drilled(backup("a3", "clusterA", "2025-12-03T00:00:00Z", VerifyResult.PASSED), DrillRecord.Result.FAILED),
        backup("a4", "clusterA", "2025-12-04T00:00:00Z", VerifyResult.PASSED),
        backup("b1", "clusterB", "2025-12-04T00:00:00Z", VerifyResult.PASSED));

    PruneReport report = plan(backups, policy(1, null), Optional.empty());

    assertThat(report.keep()).extracting(PruneReport.Entry::id).containsExactly(id("a4"), id("a2"), id("b1"));
    assertThat(report.keep().get(1).reasons()).containsExactly(PrunePlanner.LAST_DRILLED);
    assertThat(report.remove()).extracting(PruneReport.Entry::id).containsExactly(id("a3"), id("a1"));
  }

  @Test
  void aKeptBackupWhoseDrillPassedNeedsNoOther() {
    List<BackupIndex> backups = List.of(
        drilled(backup("a1", "clusterA", "2025-12-01T00:00:00Z", VerifyResult.PASSED), DrillRecord.Result.PASSED),
        drilled(backup("a2", "clusterA", "2025-12-02T00:00:00Z", VerifyResult.PASSED), DrillRecord.Result.PASSED));

    PruneReport report = plan(backups, policy(1, null), Optional.empty());

    assertThat(report.keep()).extracting(PruneReport.Entry::id).containsExactly(id("a2"));
    assertThat(report.remove()).extracting(PruneReport.Entry::id).containsExactly(id("a1"));
  }

  @Test
  void keepWithinIsMeasuredFromTheNewestBackupOfEachCluster() {
    List<BackupIndex> backups = List.of(
        backup("a1", "clusterA", "2025-01-01T00:00:00Z", VerifyResult.PASSED),
        backup("a2", "clusterA", "2025-01-01T12:00:00Z", VerifyResult.PASSED),
        backup("a3", "clusterA", "2025-01-03T00:00:00Z", VerifyResult.PASSED));

    PruneReport report = plan(backups, policy(0, "2d"), Optional.empty());

    assertThat(report.keep()).extracting(PruneReport.Entry::id).containsExactly(id("a3"), id("a2"));
    assertThat(report.keep().get(0).reasons()).containsExactly("within 2d");
  }

  @Test
  void anEmptyPolicyIsRefused() {
    assertThatThrownBy(() -> plan(List.of(), policy(0, null), Optional.empty())).isInstanceOf(BadInputException.class);
  }

  @Test
  void latestAndPrefixesResolveAndAmbiguityIsAClearError() {
    List<BackupIndex> backups = List.of(
        backup("ab", "clusterA", "2025-12-01T00:00:00Z", VerifyResult.PASSED),
        backup("ac", "clusterA", "2025-12-02T00:00:00Z", VerifyResult.PASSED),
        backup("bb", "clusterB", "2025-12-03T00:00:00Z", VerifyResult.PASSED));
    BackupCatalog catalog = new BackupCatalog();

    assertThat(catalog.resolve(backups, "latest", Optional.empty(), "r").id()).isEqualTo(id("bb"));
    assertThat(catalog.resolve(backups, "latest", Optional.of("clusterA"), "r").id()).isEqualTo(id("ac"));
    assertThat(catalog.resolve(backups, id("ac").substring(0, 33), Optional.empty(), "r").id()).isEqualTo(id("ac"));
    assertThatThrownBy(() -> catalog.resolve(backups, "aaaa", Optional.empty(), "r"))
        .isInstanceOf(BadInputException.class).hasMessageContaining("ambiguous")
        .hasMessageContaining("a".repeat(32) + "bbbb").hasMessageContaining("a".repeat(32) + "cccc");
    assertThatThrownBy(() -> catalog.resolve(backups, "ffff", Optional.empty(), "r"))
        .satisfies(e -> assertThat(((SwarmsnapException) e).exitCode()).isEqualTo(ExitCode.NOT_FOUND));
    assertThatThrownBy(() -> catalog.resolve(backups, "../x", Optional.empty(), "r")).isInstanceOf(BadInputException.class);
  }

  private static PruneReport plan(List<BackupIndex> backups, RetentionPolicy policy, Optional<String> cluster) {
    return new PrunePlanner().plan(backups, new PruneRequest(policy, cluster, true), NOW, "repo");
  }

  private static RetentionPolicy policy(int last, String within) {
    return new RetentionPolicy(last, 0, 0, 0, 0, 0, Optional.ofNullable(within).map(RetentionPeriod::parse));
  }

  /** A 64-hex ID that starts with the two letters of {@code name} repeated ("ab" -> "aaaa..." + "bbbb..."). */
  private static String id(String name) {
    return String.valueOf(name.charAt(0)).repeat(32) + String.valueOf(name.charAt(1)).repeat(32);
  }

  private static BackupIndex drilled(BackupIndex backup, DrillRecord.Result result) {
    return backup.withDrill(new DrillRecord(result, backup.createdAt().plusSeconds(60), 12_300));
  }

  private static BackupIndex backup(String name, String cluster, String time, VerifyResult verify) {
    String id = id(name);
    return new BackupIndex(1, id, Instant.parse(time), cluster, "host", "node", "20.10.24", "t",
        "swarm-x-host-20250101T000000Z.swarmsnap", 1, 100, id, false, false, Optional.empty(), verify);
  }
}
