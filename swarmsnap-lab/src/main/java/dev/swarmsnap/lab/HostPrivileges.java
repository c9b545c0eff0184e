package dev.swarmsnap.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Answers "are we root?" from {@code /proc/self/status}, without JDK-internal classes. */
final class HostPrivileges {
  private final Path status;

  HostPrivileges() {
    this(Path.of("/proc/self/status"));
  }

  HostPrivileges(Path status) {
    this.status = status;
  }

  /**
   * @throws LabException NOT_ROOT unless the effective user id is 0
   */
  void requireRoot(String action) {
    if (effectiveUid() != 0) {
      throw new LabException(
          LabException.Kind.NOT_ROOT,
          action + " needs root (network namespaces and dockerd), running as uid " + effectiveUid(),
          "run it as root, e.g. with sudo");
    }
  }

  long effectiveUid() {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("Uid:")) {
          // Uid: real effective saved filesystem
          return Long.parseLong(line.substring(4).strip().split("\\s+")[1]);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Fall through: treat an unreadable status as "not root", the safe answer.
    }
    return -1;
  }
}
