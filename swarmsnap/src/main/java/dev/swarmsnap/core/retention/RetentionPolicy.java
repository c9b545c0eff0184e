package dev.swarmsnap.core.retention;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code prune} keeps: the newest {@code last} backups, the newest backup of each of the
 * newest {@code hourly}/{@code daily}/... periods, and every backup within {@code within} of the
 * newest one. A count of 0 turns that rule off; {@link #ALL} keeps every period.
 */
public record RetentionPolicy(
    int last, int hourly, int daily, int weekly, int monthly, int yearly, Optional<RetentionPeriod> within) {
  /** A count meaning "no limit", like restic's {@code unlimited}. */
  public static final int ALL = -1;

  public RetentionPolicy {
    for (int count : List.of(last, hourly, daily, weekly, monthly, yearly)) {
      if (count < ALL) {
        throw new IllegalArgumentException("keep counts must be >= 0 (or ALL)");
      }
    }
    within = Objects.requireNonNullElse(within, Optional.empty());
  }

  /** No rule at all: prune refuses such a policy instead of removing everything. */
  public boolean isEmpty() {
    return last == 0 && hourly == 0 && daily == 0 && weekly == 0 && monthly == 0 && yearly == 0 && within.isEmpty();
  }

  /** The policy in words, e.g. {@code keep 7 daily, 4 weekly, all within 2d of the newest}. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    add(parts, last, "last");
    add(parts, hourly, "hourly");
    add(parts, daily, "daily");
    add(parts, weekly, "weekly");
    add(parts, monthly, "monthly");
    add(parts, yearly, "yearly");
    within.ifPresent(w -> parts.add("all within " + w + " of the newest"));
    return parts.isEmpty() ? "keep nothing" : "keep " + String.join(", ", parts);
  }

  private static void add(List<String> parts, int count, String name) {
    if (count == ALL) {
      parts.add("all " + name);
    } else if (count > 0) {
      parts.add(count + " " + name);
    }
  }
}
