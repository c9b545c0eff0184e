package dev.swarmsnap.durable;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Removes a directory tree that swarmsnap created (a staging or extraction directory) without ever
 * leaving it: symbolic links inside are deleted as links, never followed, and a root that is itself
 * a link is refused. Stateless and thread-safe.
 */
public final class TreeRemover {

  /**
   * Deletes {@code root} and everything below it. A missing root is not an error.
   *
   * @throws DurableWriteException if the root is a symbolic link or something cannot be deleted
   */
  public void removeTree(Path root) {
    BasicFileAttributes rootAttributes;
    try {
      rootAttributes = Files.readAttributes(root, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return;
    } catch (IOException e) {
      throw DurableWriteException.of("inspecting", root, e);
    }
    if (rootAttributes.isSymbolicLink()) {
      throw new DurableWriteException(
          "refusing to remove " + root + ": it is a symbolic link, not the directory swarmsnap made",
          "inspect " + root + " and remove it by hand",
          null);
    }
    try {
      // walkFileTree does not follow links unless FOLLOW_LINKS is given, so a link to "/" inside
      // the tree is reported to visitFile as a link and only the link is deleted.
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
                throws IOException {
              // A restored directory may be read-only (0500); without write access its entries
              // could not be deleted when not running as root.
              Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure)
                throws IOException {
              if (failure != null) {
                throw failure;
              }
              Files.delete(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw DurableWriteException.of("removing", root, e);
    }
  }
}
