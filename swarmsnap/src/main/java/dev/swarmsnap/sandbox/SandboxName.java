package dev.swarmsnap.sandbox;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sandbox's lab name carries the pid of the drill that made it ({@code drill-<pid in base 36>},
 * at most 12 characters as lab names must be), so a later drill can tell whether its owner lives.
 * One process runs one drill at a time. Pure.
 */
record SandboxName(String name, long pid) {
  static final String PREFIX = "drill-";
  private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "([0-9a-z]{1,6})");

  static SandboxName of(long pid) {
    return new SandboxName(PREFIX + Long.toString(pid, 36), pid);
  }

  /** The sandbox a lab name stands for; empty for any other lab. */
  static Optional<SandboxName> parse(String labName) {
    Matcher m = NAME.matcher(labName);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new SandboxName(labName, Long.parseLong(m.group(1), 36)));
  }
}
