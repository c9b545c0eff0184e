package dev.swarmsnap.swarmstate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swarmsnap.crypto.UnlockKey;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The real swarm dirs of src/test/resources/fixtures, unpacked into a test's temp dir. */
final class Fixtures {
  private Fixtures() {}

  /** Unpacks fixture {@code name} under {@code into} and returns its {@code swarm} dir. */
  static Path unpack(String name, Path into) throws IOException, InterruptedException {
    Path tar = resource(name + "/swarm.tar.gz");
    Path dest = into.resolve(name);
    Files.createDirectories(dest);
    Process p = new ProcessBuilder("tar", "-xzf", tar.toString(), "-C", dest.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IOException("tar failed: " + out);
    }
    return dest.resolve("swarm");
  }

  static JsonNode apiView(String name) throws IOException {
    try (InputStream in = Files.newInputStream(resource(name + "/api-view.json"))) {
      return new ObjectMapper().readTree(in);
    }
  }

  static Optional<UnlockKey> key(String file) throws IOException {
    return Optional.of(UnlockKey.parse(Files.readString(resource(file))));
  }

  private static Path resource(String rel) {
    URL u = Fixtures.class.getResource("/fixtures/" + rel);
    if (u == null) {
      throw new IllegalStateException("missing fixture " + rel);
    }
    try {
      return Path.of(u.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
