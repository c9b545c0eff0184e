package dev.swarmsnap.core.retention;

import dev.swarmsnap.error.BadInputException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar span for {@code --keep-within}, written like restic's: {@code 1y2m3d4h} (years,
 * months, days, hours; each part optional, at least one).
 */
public record RetentionPeriod(int years, int months, int days, int hours) {
  private static final Pattern WHOLE = Pattern.compile("(\\d+[ymdh])+");
  private static final Pattern PART = Pattern.compile("(\\d+)([ymdh])");

  public RetentionPeriod {
    if (years < 0 || months < 0 || days < 0 || hours < 0) {
      throw new IllegalArgumentException("a retention period cannot be negative");
    }
  }

  /**
   * Parses {@code 7d}, {@code 36h}, {@code 1y6m} and the like.
   *
   * @throws BadInputException for anything else
   */
  public static RetentionPeriod parse(String text) {
    if (text == null || !WHOLE.matcher(text).matches()) {
      throw new BadInputException("'" + text + "' is not a duration like 7d, 36h, 2m or 1y6m",
          "write numbers followed by y (years), m (months), d (days), h (hours)");
    }
    int[] parts = new int[4];
    Matcher m = PART.matcher(text);
    while (m.find()) {
      int index = "ymdh".indexOf(m.group(2).charAt(0));
      try {
        parts[index] = Math.addExact(parts[index], Integer.parseInt(m.group(1)));
      } catch (NumberFormatException | ArithmeticException e) {
        throw new BadInputException("'" + text + "' is too long a duration", "use a smaller number");
      }
    }
    return new RetentionPeriod(parts[0], parts[1], parts[2], parts[3]);
  }

  /**
   * {@code time} minus this period, the way restic computes it (Go's {@code AddDate}, then hours):
   * years and months move the calendar month, and a day past the month's end rolls into the next
   * month (Mar 31 minus 1m is Mar 3 in a common year) rather than being clamped.
   */
  LocalDateTime before(LocalDateTime time) {
    long monthIndex = time.getYear() * 12L + (time.getMonthValue() - 1) - (years * 12L + months);
    LocalDate firstOfMonth = LocalDate.of((int) Math.floorDiv(monthIndex, 12), (int) Math.floorMod(monthIndex, 12) + 1, 1);
    LocalDate date = firstOfMonth.plusDays(time.getDayOfMonth() - 1L - days);
    return date.atTime(time.toLocalTime()).minusHours(hours);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    if (years > 0) {
      text.append(years).append('y');
    }
    if (months > 0) {
      text.append(months).append('m');
    }
    if (days > 0) {
      text.append(days).append('d');
    }
    if (hours > 0 || text.length() == 0) {
      text.append(hours).append('h');
    }
    return text.toString();
  }
}
