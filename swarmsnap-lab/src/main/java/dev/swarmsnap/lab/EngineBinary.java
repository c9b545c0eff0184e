package dev.swarmsnap.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dockerd binary a lab's nodes run, and the folders of the helpers shipped with it. An engine
 * unpacked from a package (scripts/engines.sh) keeps {@code docker-proxy} beside {@code dockerd}
 * and, depending on the package, {@code docker-init} in {@code usr/bin} or {@code usr/libexec/docker};
 * dockerd finds them on its PATH, so those folders go first (docs/architecture.md, "Engines").
 *
 * @param dockerd absolute path of the binary
 */
record EngineBinary(Path dockerd) {
  private static final Pattern VERSION = Pattern.compile("Docker version ([0-9][0-9.]*[0-9])");

  EngineBinary {
    dockerd = dockerd.toAbsolutePath().normalize();
  }

  /** dockerd's own folder, then the package's {@code libexec/docker} and {@code bin} when they exist. */
  List<Path> helperDirs() {
    List<Path> dirs = new ArrayList<>();
    Path own = dockerd.getParent();
    dirs.add(own);
    Path usr = own.getParent();
    if (usr != null) {
      for (String sibling : List.of("libexec/docker", "bin")) {
        Path dir = usr.resolve(sibling);
        if (Files.isDirectory(dir)) {
          dirs.add(dir);
        }
      }
    }
    return List.copyOf(dirs);
  }

  /** {@code 28.5.2} from {@code Docker version 28.5.2+dfsg4, build ...}; empty for other text. */
  static Optional<String> parseVersion(String versionOutput) {
    Matcher matcher = VERSION.matcher(versionOutput);
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }
}
