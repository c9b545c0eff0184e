package dev.swarmsnap.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Mounts under a lab directory, from {@code /proc/mounts}. dockerd bind-mounts its data-root and
 * leaves nsfs mounts under its exec-root after a crash; {@code rm -rf} then fails with "Device or
 * resource busy", so they are unmounted first, deepest first (docs/engine-behaviour.md §1.3).
 */
final class MountTable {
  private static final Path MOUNTS = Path.of("/proc/mounts");

  private final CommandRunner runner;
  private final Toolchain tools;
  private final Duration timeout;

  MountTable(CommandRunner runner, Toolchain tools, Duration timeout) {
    this.runner = runner;
    this.tools = tools;
    this.timeout = timeout;
  }

  /** Mount points at or below {@code dir}, deepest first. */
  List<Path> under(Path dir) {
    List<Path> found = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(MOUNTS)) {
        String[] fields = line.split(" ");
        if (fields.length > 1) {
          Path point = Path.of(unescape(fields[1]));
          if (point.startsWith(dir)) {
            found.add(point);
          }
        }
      }
    } catch (IOException e) {
      throw new LabException(LabException.Kind.FAILED, "cannot read /proc/mounts: " + e.getMessage(), null, e);
    }
    found.sort(Comparator.comparingInt(Path::getNameCount).reversed().thenComparing(Comparator.reverseOrder()));
    return found;
  }

  /** Unmounts everything at or below {@code dir}; returns what stayed mounted. */
  List<String> unmountAll(Path dir) {
    List<Path> points = under(dir);
    if (points.isEmpty()) {
      return List.of();
    }
    // One umount run for all, in order (deepest first); a dozen runs cost seconds on a busy host.
    List<String> command = new ArrayList<>();
    command.add(tools.path("umount"));
    points.forEach(p -> command.add(p.toString()));
    runner.run(command, timeout);
    for (Path point : under(dir)) {
      // Busy: detach it now, the kernel frees it when the last user goes.
      runner.run(List.of(tools.path("umount"), "-l", point.toString()), timeout);
    }
    return under(dir).stream().map(p -> "mount " + p).toList();
  }

  /** /proc/mounts writes space, tab, newline and backslash as octal escapes. */
  static String unescape(String field) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\' && i + 3 < field.length() + 0 && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
        out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
