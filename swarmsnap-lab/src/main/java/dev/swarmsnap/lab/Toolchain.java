package dev.swarmsnap.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The host programs the lab runs, resolved to absolute paths on demand. Resolving lazily lets
 * {@code down} work on a host where only {@code ip} is left.
 */
final class Toolchain {
  static final String INSTALL_HINT = "install them: apt-get install docker.io iproute2";

  private final Map<String, String> programs;
  private final List<Path> searchPath;

  Toolchain(LabSettings settings, String pathVariable) {
    this.programs =
        Map.of(
            "dockerd", settings.dockerd(),
            "docker", settings.docker(),
            "ip", "ip",
            "nsenter", "nsenter",
            "unshare", "unshare",
            "setsid", "setsid",
            "umount", "umount",
            "hostname", "hostname");
    List<Path> dirs = new ArrayList<>();
    for (String entry : (pathVariable == null ? "" : pathVariable).split(":")) {
      if (!entry.isBlank()) {
        dirs.add(Path.of(entry));
      }
    }
    for (String fallback : List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin")) {
      dirs.add(Path.of(fallback));
    }
    this.searchPath = List.copyOf(dirs);
  }

  /**
   * The absolute path of a program the lab uses ({@code dockerd}, {@code docker}, {@code ip}, ...).
   *
   * @throws LabException MISSING_DEPENDENCY when it is not installed
   */
  String path(String program) {
    String configured = programs.get(program);
    if (configured == null) {
      throw new IllegalArgumentException("unknown program " + program);
    }
    if (configured.contains("/")) {
      Path path = Path.of(configured).toAbsolutePath();
      if (Files.isRegularFile(path) && Files.isExecutable(path)) {
        return path.toString();
      }
      throw missing(program, configured + " is not an executable file");
    }
    for (Path dir : searchPath) {
      Path candidate = dir.resolve(configured);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw missing(program, "'" + configured + "' is not on PATH");
  }

  /** Checks every program {@code lab up} needs, so it fails before it creates anything. */
  void requireAll() {
    for (String program : List.of("dockerd", "docker", "ip", "nsenter", "unshare", "setsid", "umount", "hostname")) {
      path(program);
    }
  }

  /** The PATH a node's dockerd runs with (it finds containerd, runc and docker-init there). */
  String searchPath() {
    return String.join(":", searchPath.stream().map(Path::toString).distinct().toList());
  }

  private static LabException missing(String program, String detail) {
    return new LabException(
        LabException.Kind.MISSING_DEPENDENCY, program + " is needed by the lab but not installed: " + detail, INSTALL_HINT);
  }
}
