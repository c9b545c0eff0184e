package dev.swarmsnap.core.schedule;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One schedule to install on a manager.
 *
 * @param name the unit name without suffix, e.g. {@code swarmsnap-backup}: gives {@code NAME.service}
 *     and {@code NAME.timer}
 * @param onCalendar a systemd calendar expression ({@code systemd.time(7)}), e.g. {@code *-*-* 03:00:00}
 * @param command the full command the service runs: the swarmsnap launcher, {@code backup},
 *     {@code --scheduled} and the backup options
 * @param cron a cron schedule (five fields) for hosts without systemd; empty to derive it from
 *     {@code onCalendar} where a simple form allows
 */
public record ScheduleSpec(String name, String onCalendar, List<String> command, Optional<String> cron, String toolVersion) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@-]{0,200}");

  public ScheduleSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(onCalendar, "onCalendar");
    command = List.copyOf(command);
    Objects.requireNonNull(cron, "cron");
    Objects.requireNonNull(toolVersion, "toolVersion");
    if (!NAME.matcher(name).matches() || name.endsWith(".service") || name.endsWith(".timer")) {
      throw new IllegalArgumentException("not a unit name: " + name);
    }
    if (command.isEmpty() || !command.get(0).startsWith("/")) {
      throw new IllegalArgumentException("the command must start with an absolute path: " + command);
    }
    for (String word : command) {
      if (word.indexOf('\n') >= 0 || word.indexOf('\r') >= 0 || word.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("a line break or NUL in an argument cannot go into a unit file");
      }
    }
    if (onCalendar.isBlank() || onCalendar.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("not a calendar expression: " + onCalendar);
    }
  }

  public String serviceFile() {
    return name + ".service";
  }

  public String timerFile() {
    return name + ".timer";
  }
}
