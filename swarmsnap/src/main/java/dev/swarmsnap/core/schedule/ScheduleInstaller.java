package dev.swarmsnap.core.schedule;

import dev.swarmsnap.durable.AtomicFileWriter;
import dev.swarmsnap.durable.PendingFile;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Installs, removes and describes the systemd units of a schedule. Files are replaced atomically;
 * only files that swarmsnap wrote (they start with {@link ScheduleUnits#MARKER}) are ever replaced
 * or deleted.
 */
public final class ScheduleInstaller {
  private final AtomicFileWriter files;
  private final SystemdHost systemd;
  private final ScheduleUnits units = new ScheduleUnits();

  public ScheduleInstaller(AtomicFileWriter files, SystemdHost systemd) {
    this.files = files;
    this.systemd = systemd;
  }

  /** What {@link #install} did. */
  public record Installed(String service, String timer, boolean enabled, String why, String cronLine, List<String> command) {}

  /** What {@link #remove} did. */
  public record Removed(List<String> deleted, boolean disabled) {}

  /**
   * A schedule as found on this host.
   *
   * @param command the service's command line, as installed
   * @param systemdState {@code is-active}/{@code is-enabled} of the timer, when systemd runs
   */
  public record Found(String timer, String onCalendar, List<String> command, Optional<String> systemdState) {}

  /**
   * @param replace replace units of the same name that swarmsnap wrote before
   * @param enable run {@code daemon-reload} and {@code enable --now} (only where systemd runs)
   * @throws SwarmsnapException USAGE for a calendar expression systemd rejects, CONFLICT for existing
   *     units (not ours, or ours without {@code replace}), NOT_FOUND for a missing unit directory
   */
  public Installed install(ScheduleSpec spec, Path unitDir, boolean replace, boolean enable) {
    systemd.rejectCalendar(spec.onCalendar()).ifPresent(complaint -> {
      throw new SwarmsnapException(ExitCode.USAGE, "--on-calendar '" + spec.onCalendar() + "' is not a systemd"
          + " calendar expression: " + complaint, "see 'man systemd.time', e.g. --on-calendar '*-*-* 03:00:00'");
    });
    if (!Files.isDirectory(unitDir)) {
      throw new SwarmsnapException(ExitCode.NOT_FOUND, "the unit directory " + unitDir + " does not exist",
          "pass --unit-dir, or create it");
    }
    Path service = unitDir.resolve(spec.serviceFile());
    Path timer = unitDir.resolve(spec.timerFile());
    for (Path existing : List.of(service, timer)) {
      if (Files.exists(existing)) {
        if (!ours(existing)) {
          throw new SwarmsnapException(ExitCode.CONFLICT, existing + " exists and was not written by swarmsnap",
              "choose another --name; swarmsnap never replaces units it did not write");
        }
        if (!replace) {
          throw new SwarmsnapException(ExitCode.CONFLICT, "a schedule named " + spec.name() + " is installed already ("
              + existing + ")", "pass --force to replace it, or choose another --name");
        }
      }
    }
    write(service, units.service(spec));
    write(timer, units.timer(spec));
    boolean enabled = false;
    String why;
    if (!enable) {
      why = "not enabled (--no-enable)";
    } else if (!systemd.running()) {
      why = "systemd is not running on this host: not enabled; use the cron line instead";
    } else {
      systemd.systemctl("daemon-reload");
      systemd.systemctl("enable", "--now", spec.timerFile());
      enabled = true;
      why = "enabled and started " + spec.timerFile();
    }
    return new Installed(service.toString(), timer.toString(), enabled, why, units.cronLine(spec), spec.command());
  }

  /** Disables the timer (where systemd runs) and deletes both units. */
  public Removed remove(String name, Path unitDir) {
    Path service = unitDir.resolve(name + ".service");
    Path timer = unitDir.resolve(name + ".timer");
    List<Path> present = new ArrayList<>();
    for (Path file : List.of(timer, service)) {
      if (Files.exists(file)) {
        if (!ours(file)) {
          throw new SwarmsnapException(ExitCode.CONFLICT, file + " was not written by swarmsnap; left as it is",
              "remove it by hand if it should go");
        }
        present.add(file);
      }
    }
    if (present.isEmpty()) {
      throw new SwarmsnapException(ExitCode.NOT_FOUND, "no schedule named " + name + " in " + unitDir,
          "see 'swarmsnap schedule status --name NAME --unit-dir DIR'");
    }
    boolean disabled = false;
    if (systemd.running()) {
      systemd.systemctl("disable", "--now", name + ".timer");
      disabled = true;
    }
    List<String> deleted = new ArrayList<>();
    for (Path file : present) {
      try {
        Files.delete(file);
      } catch (IOException e) {
        throw new SwarmsnapException(ExitCode.FAILED, "cannot delete " + file + ": " + e.getMessage(),
            "check permissions (run as root)", e);
      }
      deleted.add(file.toString());
    }
    if (systemd.running()) {
      systemd.systemctl("daemon-reload");
    }
    return new Removed(deleted, disabled);
  }

  /** The schedule named {@code name}, if installed. */
  public Optional<Found> find(String name, Path unitDir) {
    Path service = unitDir.resolve(name + ".service");
    Path timer = unitDir.resolve(name + ".timer");
    if (!Files.isRegularFile(timer) || !Files.isRegularFile(service)) {
      return Optional.empty();
    }
    String onCalendar = read(timer).lines().filter(l -> l.startsWith("OnCalendar="))
        .map(l -> l.substring("OnCalendar=".length())).findFirst().orElse("");
    Optional<String> state = systemd.running()
        ? Optional.of(systemd.query("is-active", name + ".timer") + ", " + systemd.query("is-enabled", name + ".timer"))
        : Optional.empty();
    return Optional.of(new Found(timer.toString(), onCalendar, units.execStart(read(service)), state));
  }

  private void write(Path file, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    try (PendingFile pending = files.create(file, PosixFilePermissions.fromString("rw-r--r--"))) {
      pending.write(bytes, 0, bytes.length);
      pending.commit();
    }
  }

  private static boolean ours(Path file) {
    return read(file).startsWith(ScheduleUnits.MARKER);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SwarmsnapException(ExitCode.FAILED, "cannot read " + file + ": " + e.getMessage(),
          "check permissions (run as root)", e);
    }
  }
}
