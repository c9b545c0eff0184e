package dev.swarmsnap.archive;

import dev.swarmsnap.archive.manifest.ManifestFile;
import dev.swarmsnap.durable.DurableFiles;
import dev.swarmsnap.durable.DurableWriteException;
import dev.swarmsnap.durable.TreeRemover;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The fresh directory an extraction writes into, and the only code that writes there. Every path
 * is resolved below the root and checked to stay below it; every directory on the way was created
 * by this object (never an existing one, never through a link); files are created exclusively and
 * without following links. Modes and owners are applied at the end, directories deepest first, so
 * a read-only directory never blocks its own content. Not thread-safe.
 */
final class ExtractionTree {
  private static final FileAttribute<Set<PosixFilePermission>> PRIVATE_DIR =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
  private static final FileAttribute<Set<PosixFilePermission>> PRIVATE_FILE =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  private final Path root;
  private final boolean restoreOwners;
  private final Set<Path> createdDirectories = new LinkedHashSet<>();
  private final List<Pending> attributes = new ArrayList<>();
  private final DurableFiles durableFiles = new DurableFiles();

  private record Pending(Path path, ManifestFile file) {}

  private ExtractionTree(Path root, boolean restoreOwners) {
    this.root = root;
    this.restoreOwners = restoreOwners;
    createdDirectories.add(root);
  }

  /**
   * Creates {@code target} (which must not exist) with mode 0700.
   *
   * @throws ExtractionTargetException if it exists already
   */
  static ExtractionTree create(Path target, ExtractionLimits.Ownership ownership) {
    try {
      Files.createDirectory(target, PRIVATE_DIR);
    } catch (FileAlreadyExistsException e) {
      throw new ExtractionTargetException(
          "extraction target " + target + " already exists",
          "give a directory that does not exist yet; swarmsnap never extracts into an existing one");
    } catch (IOException e) {
      throw DurableWriteException.of("creating", target, e);
    }
    boolean root;
    try {
      // The creator owns a new directory, so its owner tells whether this process runs as root.
      root = ((Integer) Files.getAttribute(target, "unix:uid", LinkOption.NOFOLLOW_LINKS)) == 0;
    } catch (IOException e) {
      throw DurableWriteException.of("inspecting", target, e);
    }
    return new ExtractionTree(target, root && ownership == ExtractionLimits.Ownership.RECORDED_WHEN_ROOT);
  }

  Path root() {
    return root;
  }

  boolean restoresOwners() {
    return restoreOwners;
  }

  /** Where a manifest path lands; refuses anything that would leave the root. */
  Path resolve(String manifestPath) {
    Path resolved = root.resolve(manifestPath).normalize();
    if (!resolved.startsWith(root) || resolved.equals(root)) {
      throw new UnsafeArchiveEntryException(
          "entry " + manifestPath + " would be written outside " + root + "; refusing it", null);
    }
    return resolved;
  }

  void directory(ManifestFile file) {
    Path path = resolve(file.path());
    ensureDirectory(path);
    attributes.add(new Pending(path, file));
  }

  /** Creates the file (and missing parents) owner-only; the caller writes and closes it. */
  FileChannel newFile(ManifestFile file) {
    Path path = resolve(file.path());
    ensureDirectory(path.getParent());
    try {
      FileChannel channel = FileChannel.open(
          path,
          Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
          PRIVATE_FILE);
      attributes.add(new Pending(path, file));
      return channel;
    } catch (IOException e) {
      throw DurableWriteException.of("creating", path, e);
    }
  }

  /** Applies modes and owners, then syncs every directory so the names are durable. */
  void finish() {
    List<Pending> ordered = new ArrayList<>(attributes);
    // Files before directories, deeper directories before their parents.
    ordered.sort(Comparator.comparing((Pending p) -> p.file().isDirectory())
        .thenComparing(p -> -p.path().getNameCount()));
    for (Pending p : ordered) {
      applyAttributes(p);
    }
    for (Path directory : createdDirectories) {
      durableFiles.syncDirectory(directory);
    }
    durableFiles.syncDirectory(root.getParent());
  }

  /** Removes the root and all that was written; used when extraction fails. */
  void remove() {
    new TreeRemover().removeTree(root);
  }

  private void ensureDirectory(Path directory) {
    Path relative = root.relativize(directory);
    Path current = root;
    for (Path segment : relative) {
      current = current.resolve(segment);
      if (createdDirectories.contains(current)) {
        continue;
      }
      try {
        Files.createDirectory(current, PRIVATE_DIR);
      } catch (FileAlreadyExistsException e) {
        throw new UnsafeArchiveEntryException(
            "cannot create directory " + current + ": an entry of another kind already has that name", e);
      } catch (IOException e) {
        throw DurableWriteException.of("creating directory", current, e);
      }
      createdDirectories.add(current);
    }
  }

  private void applyAttributes(Pending p) {
    try {
      PosixFileAttributeView view =
          Files.getFileAttributeView(p.path(), PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
      if (restoreOwners) {
        // chown before chmod: chown may clear mode bits on some filesystems.
        Files.setAttribute(p.path(), "unix:uid", (int) p.file().uid(), LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(p.path(), "unix:gid", (int) p.file().gid(), LinkOption.NOFOLLOW_LINKS);
      }
      view.setPermissions(p.file().mode().toPermissions());
    } catch (IOException e) {
      throw DurableWriteException.of("setting mode and owner of", p.path(), e);
    }
  }
}
