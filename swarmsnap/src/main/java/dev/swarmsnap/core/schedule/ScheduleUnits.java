package dev.swarmsnap.core.schedule;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The text of the systemd service and timer for a {@link ScheduleSpec}, and the equivalent line
 * for {@code /etc/cron.d}. Pure.
 */
public final class ScheduleUnits {
  /** First line of every file we write; {@code schedule remove} deletes only files that carry it. */
  public static final String MARKER = "# Written by swarmsnap schedule install";

  private static final Pattern DAILY_AT = Pattern.compile("(?:\\*-\\*-\\*\\s+)?(\\d{1,2}):(\\d{2})(?::00)?");
  private static final Pattern HOURLY_AT = Pattern.compile("(?:\\*-\\*-\\*\\s+)?\\*:(\\d{2})(?::00)?");
  private static final Pattern SAFE_WORD = Pattern.compile("[A-Za-z0-9_./:=,+@-]+");

  public String service(ScheduleSpec spec) {
    return String.join("\n",
        MARKER + " " + spec.toolVersion() + "; remove with: swarmsnap schedule remove --name " + spec.name(),
        "[Unit]",
        "Description=swarmsnap scheduled " + (drill(spec) ? "restore drill of the newest backup" : "backup of this swarm manager")
            + " (" + spec.name() + ")",
        "Wants=network-online.target",
        "After=network-online.target docker.service",
        "",
        "[Service]",
        "Type=oneshot",
        // Every manager runs this; the one designated from the live cluster backs up, the others
        // exit 0 with one log line (swarmsnap backup --scheduled).
        "ExecStart=" + spec.command().stream().map(ScheduleUnits::systemdWord).collect(Collectors.joining(" ")),
        "")
        + lowPriority(spec) + "\n";
  }

  /**
   * A hot backup runs beside the live engine, so its unit starts it at the priority that
   * {@code backup --hot} would choose itself: the engine goes first for CPU and disk.
   */
  private static String lowPriority(ScheduleSpec spec) {
    return spec.command().contains("--hot") ? "Nice=19\nIOSchedulingClass=best-effort\nIOSchedulingPriority=7\n" : "";
  }

  /** A {@code schedule install --drill-only} schedule: its command is {@code ... drill latest ...}. */
  private static boolean drill(ScheduleSpec spec) {
    int at = spec.command().indexOf("drill");
    return at > 0 && spec.command().size() > at + 1 && spec.command().get(at + 1).equals("latest")
        && !spec.command().contains("--scheduled");
  }

  public String timer(ScheduleSpec spec) {
    return String.join("\n",
        MARKER + " " + spec.toolVersion() + "; remove with: swarmsnap schedule remove --name " + spec.name(),
        "[Unit]",
        "Description=Timer for swarmsnap scheduled backups (" + spec.name() + ")",
        "",
        "[Timer]",
        "OnCalendar=" + spec.onCalendar(),
        // All managers must fire together so that they see the same cluster when they choose the
        // designated one: no randomized delay, and 1 s instead of the default 1 min accuracy.
        "AccuracySec=1s",
        "RandomizedDelaySec=0",
        "Unit=" + spec.serviceFile(),
        "",
        "[Install]",
        "WantedBy=timers.target",
        "")
        + "\n";
  }

  /**
   * A line for {@code /etc/cron.d/NAME} (with the user field), or a comment saying how to write it
   * when the calendar expression has no simple cron form.
   */
  public String cronLine(ScheduleSpec spec) {
    Optional<String> schedule = spec.cron().or(() -> cronSchedule(spec.onCalendar()));
    String command = spec.command().stream().map(ScheduleUnits::shellWord).collect(Collectors.joining(" "))
        .replace("%", "\\%"); // cron turns an unescaped % into a newline
    return schedule.map(s -> s + " root " + command)
        .orElse("# OnCalendar=" + spec.onCalendar() + " has no simple cron form; pass --cron 'M H DOM MON DOW'."
            + " The command: " + command);
  }

  /** The cron form of the calendar shorthands and plain daily or hourly times. */
  static Optional<String> cronSchedule(String onCalendar) {
    String spec = onCalendar.strip();
    switch (spec) {
      case "minutely":
        return Optional.of("* * * * *");
      case "hourly":
        return Optional.of("0 * * * *");
      case "daily":
        return Optional.of("0 0 * * *");
      case "weekly":
        return Optional.of("0 0 * * 1");
      case "monthly":
        return Optional.of("0 0 1 * *");
      default:
        break;
    }
    Matcher daily = DAILY_AT.matcher(spec);
    if (daily.matches() && Integer.parseInt(daily.group(1)) < 24 && Integer.parseInt(daily.group(2)) < 60) {
      return Optional.of(Integer.parseInt(daily.group(2)) + " " + Integer.parseInt(daily.group(1)) + " * * *");
    }
    Matcher hourly = HOURLY_AT.matcher(spec);
    if (hourly.matches() && Integer.parseInt(hourly.group(1)) < 60) {
      return Optional.of(Integer.parseInt(hourly.group(1)) + " * * * *");
    }
    return Optional.empty();
  }

  /**
   * One word of an {@code ExecStart=} line (systemd.service(5), "Command lines"): double-quoted when
   * it has anything but plain characters, with backslash and quote escaped; {@code %} and {@code $}
   * doubled so that systemd expands neither specifiers nor variables.
   */
  static String systemdWord(String word) {
    String escaped = word.replace("%", "%%").replace("$", "$$");
    if (SAFE_WORD.matcher(word).matches()) {
      return escaped;
    }
    return "\"" + escaped.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** One word for {@code sh}: as is when plain, else single-quoted. */
  static String shellWord(String word) {
    if (SAFE_WORD.matcher(word).matches()) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /** The words of an {@code ExecStart=} line written by {@link #service}, unquoted again. */
  public List<String> execStart(String serviceText) {
    return serviceText.lines()
        .filter(l -> l.startsWith("ExecStart="))
        .findFirst()
        .map(l -> SystemdWords.split(l.substring("ExecStart=".length())))
        .orElse(List.of());
  }
}
