package dev.swarmsnap.cli.schedule;

import dev.swarmsnap.cli.CliContext;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The command a timer runs to start swarmsnap: {@code --exec}, else {@code swarmsnap} on
 * {@code $PATH}, else this JVM with {@code -jar} and the jar we run from. Absolute, because systemd
 * requires it and a timer runs without the user's {@code PATH}.
 */
final class Launcher {
  private final CliContext context;

  Launcher(CliContext context) {
    this.context = context;
  }

  List<String> resolve(Optional<Path> exec) {
    if (exec.isPresent()) {
      Path path = exec.get().toAbsolutePath().normalize();
      if (!Files.isExecutable(path)) {
        throw new SwarmsnapException(ExitCode.NOT_FOUND, "--exec " + path + " is not an executable file",
            "name the swarmsnap launcher, e.g. --exec /usr/local/bin/swarmsnap");
      }
      return List.of(path.toString());
    }
    for (String dir : context.env("PATH").orElse("").split(File.pathSeparator)) {
      if (!dir.isBlank() && dir.startsWith("/")) {
        Path candidate = Path.of(dir, "swarmsnap");
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return List.of(candidate.toString());
        }
      }
    }
    return ownJar()
        .map(jar -> List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()))
        .orElseThrow(() -> new SwarmsnapException(ExitCode.NOT_FOUND,
            "cannot tell how to start swarmsnap from a timer: no swarmsnap on $PATH",
            "pass --exec with the launcher's absolute path"));
  }

  private static Optional<Path> ownJar() {
    var source = Launcher.class.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return Optional.empty();
    }
    try {
      Path location = Path.of(source.getLocation().toURI());
      return location.toString().endsWith(".jar") ? Optional.of(location) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
