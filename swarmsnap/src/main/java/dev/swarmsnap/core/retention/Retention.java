package dev.swarmsnap.core.retention;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Applies a {@link RetentionPolicy} with restic's semantics (internal/data/snapshot_policy.go,
 * {@code ApplyPolicy}): backups are walked newest first; each count rule keeps a backup when it
 * starts a period the rule has not seen yet and the rule still has periods left, and also keeps the
 * oldest backup of all while it has periods left (so the history reaches back as far as possible);
 * a backup kept by any rule stays. {@code within} keeps every backup strictly newer than the newest
 * backup's time (ignoring backups in the future) minus the period. Periods are UTC calendar hours,
 * days, ISO weeks, months and years. Pure and stateless.
 */
public final class Retention {
  private record Rule(String name, int count, ToLongFunction<LocalDateTime> period) {}

  /**
   * Decides which of {@code backups} to keep.
   *
   * @param now backups after this instant do not count as the newest for {@code within}
   */
  public RetentionDecision apply(List<RetentionCandidate> backups, RetentionPolicy policy, Instant now) {
    List<RetentionCandidate> sorted = new ArrayList<>(backups);
    sorted.sort(Comparator.comparing(RetentionCandidate::time).reversed()); // stable: ties keep input order
    if (sorted.isEmpty()) {
      return new RetentionDecision(List.of(), List.of());
    }
    List<Rule> rules = List.of(
        new Rule("last", policy.last(), null),
        new Rule("hourly", policy.hourly(), t -> t.getYear() * 1_000_000L + t.getMonthValue() * 10_000L + t.getDayOfMonth() * 100L + t.getHour()),
        new Rule("daily", policy.daily(), t -> t.getYear() * 10_000L + t.getMonthValue() * 100L + t.getDayOfMonth()),
        new Rule("weekly", policy.weekly(), t -> t.get(IsoFields.WEEK_BASED_YEAR) * 100L + t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
        new Rule("monthly", policy.monthly(), t -> t.getYear() * 100L + t.getMonthValue()),
        new Rule("yearly", policy.yearly(), t -> t.getYear()));
    int[] left = rules.stream().mapToInt(Rule::count).toArray();
    long[] lastPeriod = new long[rules.size()];
    java.util.Arrays.fill(lastPeriod, Long.MIN_VALUE);

    LocalDateTime withinStart = policy.within().map(w -> w.before(utc(newest(sorted, now)))).orElse(null);

    List<RetentionDecision.Kept> keep = new ArrayList<>();
    List<RetentionCandidate> remove = new ArrayList<>();
    for (int nr = 0; nr < sorted.size(); nr++) {
      RetentionCandidate backup = sorted.get(nr);
      LocalDateTime time = utc(backup.time());
      boolean oldest = nr == sorted.size() - 1;
      List<String> reasons = new ArrayList<>();
      if (withinStart != null && time.isAfter(withinStart)) {
        reasons.add("within " + policy.within().get());
      }
      for (int i = 0; i < rules.size(); i++) {
        if (left[i] == 0) {
          continue;
        }
        // "last" puts every backup in a period of its own (restic's bucker "always").
        long period = rules.get(i).period() == null ? nr : rules.get(i).period().applyAsLong(time);
        if (period != lastPeriod[i] || oldest) {
          reasons.add(period == lastPeriod[i] ? "oldest " + rules.get(i).name() : rules.get(i).name());
          lastPeriod[i] = period;
          if (left[i] > 0) {
            left[i]--;
          }
        }
      }
      if (reasons.isEmpty()) {
        remove.add(backup);
      } else {
        keep.add(new RetentionDecision.Kept(backup, reasons));
      }
    }
    return new RetentionDecision(keep, remove);
  }

  /** The newest backup time not after {@code now}; restic ignores backups from the future here. */
  private static Instant newest(List<RetentionCandidate> newestFirst, Instant now) {
    return newestFirst.stream().map(RetentionCandidate::time).filter(t -> t.isBefore(now)).findFirst()
        .orElse(Instant.EPOCH);
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
