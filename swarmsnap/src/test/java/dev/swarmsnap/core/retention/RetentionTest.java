package dev.swarmsnap.core.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmsnap.error.BadInputException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Retention over synthetic backup times. The first table is restic's own test set
 * (internal/data/snapshot_policy_test.go, TestApplyPolicy) with the kept times its golden files
 * record (testdata/policy_keep_snapshots_N); the rest pin overlaps, ties and --keep-within.
 */
class RetentionTest {
  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

  /** restic's testExpireSnapshots, in its order (sub-second times written as .1). */
  private static final List<String> RESTIC_TIMES = List.of(
      "2014-09-01 10:20:30", "2014-09-02 10:20:30", "2014-09-05 10:20:30", "2014-09-06 10:20:30",
      "2014-09-08 10:20:30", "2014-09-09 10:20:30", "2014-09-10 10:20:30", "2014-09-11 10:20:30",
      "2014-09-20 10:20:30", "2014-09-22 10:20:30", "2014-08-08 10:20:30", "2014-08-10 10:20:30",
      "2014-08-12 10:20:30", "2014-08-13 10:20:30", "2014-08-13 10:20:30.1", "2014-08-15 10:20:30",
      "2014-08-18 10:20:30", "2014-08-20 10:20:30", "2014-08-21 10:20:30", "2014-08-22 10:20:30",
      "2014-10-01 10:20:30", "2014-10-02 10:20:30", "2014-10-05 10:20:30", "2014-10-06 10:20:30",
      "2014-10-08 10:20:30", "2014-10-09 10:20:30", "2014-10-10 10:20:30", "2014-10-11 10:20:30",
      "2014-10-20 10:20:30", "2014-10-22 10:20:30", "2014-11-08 10:20:30", "2014-11-10 10:20:30",
      "2014-11-12 10:20:30", "2014-11-13 10:20:30", "2014-11-13 10:20:30.1", "2014-11-15 10:20:30",
      "2014-11-18 10:20:30", "2014-11-20 10:20:30", "2014-11-21 10:20:30", "2014-11-22 10:20:30",
      "2015-09-01 10:20:30", "2015-09-02 10:20:30", "2015-09-05 10:20:30", "2015-09-06 10:20:30",
      "2015-09-08 10:20:30", "2015-09-09 10:20:30", "2015-09-10 10:20:30", "2015-09-11 10:20:30",
      "2015-09-20 10:20:30", "2015-09-22 10:20:30", "2015-08-08 10:20:30", "2015-08-10 10:20:30",
      "2015-08-12 10:20:30", "2015-08-13 10:20:30", "2015-08-13 10:20:30.1", "2015-08-15 10:20:30",
      "2015-08-18 10:20:30", "2015-08-20 10:20:30", "2015-08-21 10:20:30", "2015-08-22 10:20:30",
      "2015-10-01 10:20:30", "2015-10-02 10:20:30", "2015-10-05 10:20:30", "2015-10-06 10:20:30",
      "2015-10-08 10:20:30", "2015-10-09 10:20:30", "2015-10-10 10:20:30", "2015-10-11 10:20:30",
      "2015-10-20 10:20:30", "2015-10-22 10:20:30", "2015-10-22 10:20:30", "2015-10-22 10:20:30",
      "2015-10-22 10:20:30", "2015-10-22 10:20:30", "2015-11-08 10:20:30", "2015-11-10 10:20:30",
      "2015-11-12 10:20:30", "2015-11-13 10:20:30", "2015-11-13 10:20:30.1", "2015-11-15 10:20:30",
      "2015-11-18 10:20:30", "2015-11-20 10:20:30", "2015-11-21 10:20:30", "2015-11-22 10:20:30",
      "2016-01-01 01:02:03", "2016-01-01 01:03:03", "2016-01-01 07:08:03", "2016-01-03 07:02:03",
      "2016-01-04 10:23:03", "2016-01-04 11:23:03", "2016-01-04 12:23:03", "2016-01-04 12:24:03",
      "2016-01-04 12:28:03", "2016-01-04 12:30:03", "2016-01-04 16:23:03", "2016-01-05 09:02:03",
      "2016-01-06 08:02:03", "2016-01-07 10:02:03", "2016-01-08 20:02:03", "2016-01-09 21:02:03",
      "2016-01-12 21:02:03", "2016-01-12 21:08:03", "2016-01-18 12:02:03");

  static Stream<Arguments> resticGoldenFiles() {
    return Stream.of(
        // policy_keep_snapshots_6: {Daily: 3}
        Arguments.of(policy(0, 0, 3, 0, 0, 0, null),
            "2016-01-18 12:02:03, 2016-01-12 21:08:03, 2016-01-09 21:02:03"),
        // _9: {Last: 5, Daily: 5}: last and daily overlap on the newest backups
        Arguments.of(policy(5, 0, 5, 0, 0, 0, null),
            "2016-01-18 12:02:03, 2016-01-12 21:08:03, 2016-01-12 21:02:03, 2016-01-09 21:02:03,"
                + " 2016-01-08 20:02:03, 2016-01-07 10:02:03"),
        // _11: {Weekly: 2}
        Arguments.of(policy(0, 0, 0, 2, 0, 0, null), "2016-01-18 12:02:03, 2016-01-12 21:08:03"),
        // _13: {Daily: 3, Weekly: 4}
        Arguments.of(policy(0, 0, 3, 4, 0, 0, null),
            "2016-01-18 12:02:03, 2016-01-12 21:08:03, 2016-01-09 21:02:03, 2016-01-03 07:02:03"),
        // _15: {Daily: 2, Weekly: 2, Monthly: 6}
        Arguments.of(policy(0, 0, 2, 2, 6, 0, null),
            "2016-01-18 12:02:03, 2016-01-12 21:08:03, 2015-11-22 10:20:30, 2015-10-22 10:20:30,"
                + " 2015-09-22 10:20:30, 2015-08-22 10:20:30, 2014-11-22 10:20:30"),
        // _16: {Yearly: 10}: the oldest backup is kept while yearly has periods left
        Arguments.of(policy(0, 0, 0, 0, 0, 10, null),
            "2016-01-18 12:02:03, 2015-11-22 10:20:30, 2014-11-22 10:20:30, 2014-08-08 10:20:30"),
        // _17: {Daily: 7, Weekly: 2, Monthly: 3, Yearly: 10}
        Arguments.of(policy(0, 0, 7, 2, 3, 10, null),
            "2016-01-18 12:02:03, 2016-01-12 21:08:03, 2016-01-09 21:02:03, 2016-01-08 20:02:03,"
                + " 2016-01-07 10:02:03, 2016-01-06 08:02:03, 2016-01-05 09:02:03, 2015-11-22 10:20:30,"
                + " 2015-10-22 10:20:30, 2014-11-22 10:20:30, 2014-08-08 10:20:30"),
        // _21: {Within: 1d}
        Arguments.of(policy(0, 0, 0, 0, 0, 0, "1d"), "2016-01-18 12:02:03"),
        // _25: {Within: 1m14d}: Jan 18 minus 1 month is Dec 18, minus 14 days Dec 4
        Arguments.of(policy(0, 0, 0, 0, 0, 0, "1m14d"),
            "2016-01-18 12:02:03, 2016-01-12 21:08:03, 2016-01-12 21:02:03, 2016-01-09 21:02:03,"
                + " 2016-01-08 20:02:03, 2016-01-07 10:02:03, 2016-01-06 08:02:03, 2016-01-05 09:02:03,"
                + " 2016-01-04 16:23:03, 2016-01-04 12:30:03, 2016-01-04 12:28:03, 2016-01-04 12:24:03,"
                + " 2016-01-04 12:23:03, 2016-01-04 11:23:03, 2016-01-04 10:23:03, 2016-01-03 07:02:03,"
                + " 2016-01-01 07:08:03, 2016-01-01 01:03:03, 2016-01-01 01:02:03"),
        // _27: {Within: 13d23h}
        Arguments.of(policy(0, 0, 0, 0, 0, 0, "13d23h"),
            "2016-01-18 12:02:03, 2016-01-12 21:08:03, 2016-01-12 21:02:03, 2016-01-09 21:02:03,"
                + " 2016-01-08 20:02:03, 2016-01-07 10:02:03, 2016-01-06 08:02:03, 2016-01-05 09:02:03,"
                + " 2016-01-04 16:23:03"));
  }

  @ParameterizedTest
  @MethodSource("resticGoldenFiles")
  void keepsWhatResticKeeps(RetentionPolicy policy, String expected) {
    List<RetentionCandidate> backups = new ArrayList<>();
    for (int i = 0; i < RESTIC_TIMES.size(); i++) {
      backups.add(new RetentionCandidate("b" + i, time(RESTIC_TIMES.get(i))));
    }

    RetentionDecision decision = new Retention().apply(backups, policy, NOW);

    assertThat(decision.keep()).extracting(k -> k.candidate().time())
        .containsExactlyElementsOf(Stream.of(expected.split(",\\s*")).map(RetentionTest::time).toList());
    assertThat(decision.keep().size() + decision.remove().size()).isEqualTo(RESTIC_TIMES.size());
  }

  @Test
  void theOldestBackupIsKeptWhileARuleHasPeriodsLeftAndSaysSo() {
    RetentionDecision d = apply(policy(0, 0, 0, 0, 0, 10, null),
        "2014-08-08 10:20:30", "2014-11-22 10:20:30", "2016-01-18 12:02:03");

    assertThat(reasons(d, "2014-08-08 10:20:30")).containsExactly("oldest yearly");
    assertThat(reasons(d, "2014-11-22 10:20:30")).containsExactly("yearly");
  }

  @Test
  void overlappingRulesAllNameTheBackupTheyKeep() {
    RetentionDecision d = apply(policy(1, 0, 2, 1, 0, 0, null),
        "2024-05-01 10:00:00", "2024-05-02 10:00:00", "2024-05-02 11:00:00");

    assertThat(reasons(d, "2024-05-02 11:00:00")).containsExactly("last", "daily", "weekly");
    assertThat(reasons(d, "2024-05-01 10:00:00")).containsExactly("daily");
    assertThat(d.remove()).extracting(RetentionCandidate::time).containsExactly(time("2024-05-02 10:00:00"));
  }

  @Test
  void aBackupKeptByAnyRuleStays() {
    // daily: 1 keeps only the newest day; hourly: 3 reaches into the day before.
    RetentionDecision d = apply(policy(0, 3, 1, 0, 0, 0, null),
        "2024-05-01 22:10:00", "2024-05-01 23:10:00", "2024-05-02 00:10:00", "2024-05-01 21:10:00");

    assertThat(d.keep()).extracting(k -> k.candidate().time()).containsExactly(
        time("2024-05-02 00:10:00"), time("2024-05-01 23:10:00"), time("2024-05-01 22:10:00"));
    assertThat(d.remove()).extracting(RetentionCandidate::time).containsExactly(time("2024-05-01 21:10:00"));
  }

  @Test
  void keepWithinCountsFromTheNewestBackupNotFromNow() {
    RetentionDecision d = apply(policy(0, 0, 0, 0, 0, 0, "2d"),
        "2020-01-10 12:00:00", "2020-01-08 12:00:01", "2020-01-08 12:00:00", "2020-01-01 00:00:00");

    // Strictly newer than newest minus 2d: exactly two days older is removed.
    assertThat(d.keep()).extracting(k -> k.candidate().time())
        .containsExactly(time("2020-01-10 12:00:00"), time("2020-01-08 12:00:01"));
    assertThat(d.keep().get(0).reasons()).containsExactly("within 2d");
  }

  @Test
  void keepWithinIgnoresBackupsFromTheFuture() {
    RetentionDecision d = new Retention().apply(List.of(
        new RetentionCandidate("future", NOW.plusSeconds(86_400 * 30)),
        new RetentionCandidate("recent", NOW.minusSeconds(3600)),
        new RetentionCandidate("old", NOW.minusSeconds(86_400 * 3))), policy(0, 0, 0, 0, 0, 0, "1d"), NOW);

    assertThat(d.keep()).extracting(k -> k.candidate().id()).containsExactly("future", "recent");
    assertThat(d.remove()).extracting(RetentionCandidate::id).containsExactly("old");
  }

  @Test
  void weeksAreIsoWeeks() {
    // 2021-01-03 is a Sunday in ISO week 2020-W53; 2021-01-04 starts 2021-W01.
    RetentionDecision d = apply(policy(0, 0, 0, 2, 0, 0, null),
        "2021-01-04 08:00:00", "2021-01-03 08:00:00", "2021-01-02 08:00:00", "2020-12-20 08:00:00");

    assertThat(d.keep()).extracting(k -> k.candidate().time())
        .containsExactly(time("2021-01-04 08:00:00"), time("2021-01-03 08:00:00"));
  }

  @Test
  void monthsRollOverLikeGosAddDate() {
    assertThat(RetentionPeriod.parse("1m").before(LocalDateTime.parse("2023-03-31T10:00:00")))
        .isEqualTo(LocalDateTime.parse("2023-03-03T10:00:00"));
    assertThat(RetentionPeriod.parse("1y2m3d4h").before(LocalDateTime.parse("2024-01-05T02:00:00")))
        .isEqualTo(LocalDateTime.parse("2022-11-01T22:00:00"));
  }

  @Test
  void durationsParseLikeRestics() {
    assertThat(RetentionPeriod.parse("1y6m")).isEqualTo(new RetentionPeriod(1, 6, 0, 0));
    assertThat(RetentionPeriod.parse("36h")).isEqualTo(new RetentionPeriod(0, 0, 0, 36));
    assertThat(RetentionPeriod.parse("2d12h").toString()).isEqualTo("2d12h");
    assertThatThrownBy(() -> RetentionPeriod.parse("7 days")).isInstanceOf(BadInputException.class);
    assertThatThrownBy(() -> RetentionPeriod.parse("")).isInstanceOf(BadInputException.class);
  }

  @Test
  void anEmptyPolicyIsRecognised() {
    assertThat(policy(0, 0, 0, 0, 0, 0, null).isEmpty()).isTrue();
    assertThat(policy(0, 0, 0, 0, 0, 0, "1h").isEmpty()).isFalse();
    assertThat(policy(3, 0, 7, 0, 0, 0, "2d").describe()).isEqualTo("keep 3 last, 7 daily, all within 2d of the newest");
  }

  private static RetentionDecision apply(RetentionPolicy policy, String... times) {
    List<RetentionCandidate> backups = new ArrayList<>();
    for (String t : times) {
      backups.add(new RetentionCandidate(t, time(t)));
    }
    return new Retention().apply(backups, policy, NOW);
  }

  private static List<String> reasons(RetentionDecision d, String time) {
    return d.keep().stream().filter(k -> k.candidate().time().equals(time(time))).findFirst().orElseThrow().reasons();
  }

  private static RetentionPolicy policy(int last, int hourly, int daily, int weekly, int monthly, int yearly, String within) {
    return new RetentionPolicy(last, hourly, daily, weekly, monthly, yearly,
        Optional.ofNullable(within).map(RetentionPeriod::parse));
  }

  private static Instant time(String text) {
    String iso = text.replace(' ', 'T');
    return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
  }
}
