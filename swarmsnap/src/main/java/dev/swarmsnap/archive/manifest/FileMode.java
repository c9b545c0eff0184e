package dev.swarmsnap.archive.manifest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Unix permission bits of a backed-up file, written in JSON as a 4-digit octal string ({@code
 * "0600"}). Only the nine rwx bits: swarm state has no setuid, setgid or sticky files, and a
 * restore must never create one.
 */
public record FileMode(int bits) {
  private static final PosixFilePermission[] BY_BIT = {
    PosixFilePermission.OTHERS_EXECUTE,
    PosixFilePermission.OTHERS_WRITE,
    PosixFilePermission.OTHERS_READ,
    PosixFilePermission.GROUP_EXECUTE,
    PosixFilePermission.GROUP_WRITE,
    PosixFilePermission.GROUP_READ,
    PosixFilePermission.OWNER_EXECUTE,
    PosixFilePermission.OWNER_WRITE,
    PosixFilePermission.OWNER_READ
  };

  public FileMode {
    if (bits < 0 || bits > 0777) {
      throw new IllegalArgumentException(
          "file mode " + Integer.toOctalString(bits) + " is not within 0000..0777");
    }
  }

  /** Parses {@code "0640"} or {@code "640"}. */
  @JsonCreator
  public static FileMode parse(String octal) {
    if (octal == null || !octal.matches("[0-7]{3,4}")) {
      throw new IllegalArgumentException("file mode '" + octal + "' is not an octal number like 0640");
    }
    return new FileMode(Integer.parseInt(octal, 8));
  }

  public static FileMode of(Set<PosixFilePermission> permissions) {
    int bits = 0;
    for (int i = 0; i < BY_BIT.length; i++) {
      if (permissions.contains(BY_BIT[i])) {
        bits |= 1 << i;
      }
    }
    return new FileMode(bits);
  }

  public Set<PosixFilePermission> toPermissions() {
    Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
    for (int i = 0; i < BY_BIT.length; i++) {
      if ((bits & (1 << i)) != 0) {
        permissions.add(BY_BIT[i]);
      }
    }
    return permissions;
  }

  @JsonValue
  public String octal() {
    return String.format("%04o", bits);
  }

  @Override
  public String toString() {
    return octal();
  }
}
