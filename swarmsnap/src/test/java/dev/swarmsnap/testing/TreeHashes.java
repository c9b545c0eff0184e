package dev.swarmsnap.testing;

import dev.swarmsnap.archive.manifest.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every regular file below a directory with its SHA-256: "byte for byte as it was" in one assertion. */
public final class TreeHashes {
  private TreeHashes() {}

  public static Map<String, String> of(Path dir) {
    Map<String, String> hashes = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        hashes.put(dir.relativize(file).toString(), Sha256.ofFile(file).hex());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return hashes;
  }
}
