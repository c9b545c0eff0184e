package dev.swarmsnap.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Every path below a root with its type, size and modification time, links not followed. */
final class TreeListing {
  private TreeListing() {}

  static SortedMap<String, String> of(Path root, Predicate<Path> skipped) {
    SortedMap<String, String> listing = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      paths.filter(p -> !skipped.test(p)).forEach(p -> {
        try {
          BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
          listing.put(root.relativize(p).toString(), (a.isDirectory() ? "d" : a.isSymbolicLink() ? "l" : a.isOther() ? "o" : "f")
              // a directory's time changes when a command makes and removes its own temp files there
              + (a.isDirectory() ? "" : " " + a.size() + " " + a.lastModifiedTime().toMillis()));
        } catch (IOException e) {
          listing.put(root.relativize(p).toString(), "unreadable");
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return listing;
  }
}
