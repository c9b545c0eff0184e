package dev.swarmsnap.repository;

import dev.swarmsnap.durable.AtomicFileWriter;
import dev.swarmsnap.durable.DurableFiles;
import dev.swarmsnap.durable.PendingFile;
import dev.swarmsnap.error.ExitCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An {@link ObjectStore} in a local directory: keys are relative paths. Every object is published
 * through {@code durable} (hidden temp file, fsync, rename, fsync of the directory), mode 0600, in
 * directories of mode 0700; a copied file is hashed on the way and published only if its SHA-256
 * is the expected one. Thread-safe as the filesystem is.
 */
public final class LocalObjectStore implements ObjectStore {
  private final Path root;
  private final AtomicFileWriter writer;
  private final DurableFiles durable;

  public LocalObjectStore(Path root, AtomicFileWriter writer, DurableFiles durable) {
    this.root = root.toAbsolutePath().normalize();
    this.writer = writer;
    this.durable = durable;
  }

  @Override
  public String describe() {
    return root.toString();
  }

  @Override
  public Optional<byte[]> read(String key, int maxBytes) {
    Path file = resolve(key);
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      byte[] content = in.readNBytes(maxBytes + 1);
      if (content.length > maxBytes) {
        throw new RepositoryException(ExitCode.FAILED, file + " is larger than " + maxBytes + " bytes",
            "it is not a file swarmsnap wrote; check --repo");
      }
      return Optional.of(content);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw failure("reading", file, e);
    }
  }

  @Override
  public void write(String key, byte[] content) {
    Path file = resolve(key);
    createDirectories(file.getParent());
    try (PendingFile pending = writer.create(file, AtomicFileWriter.OWNER_ONLY)) {
      pending.write(content, 0, content.length);
      pending.commit();
    }
  }

  @Override
  public void upload(String key, Path source, String sha256, TransferProgress progress) {
    Path file = resolve(key);
    createDirectories(file.getParent());
    try (PendingFile pending = writer.create(file, AtomicFileWriter.OWNER_ONLY);
        InputStream in = Files.newInputStream(source)) {
      long total = Files.size(source);
      MessageDigest digest = BackupRepository.sha256();
      byte[] buffer = new byte[1 << 16];
      long done = 0;
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
        pending.write(buffer, 0, n);
        done += n;
        progress.moved(done, total);
      }
      String actual = HexFormat.of().formatHex(digest.digest());
      if (!actual.equals(sha256)) {
        throw new RepositoryException(ExitCode.FAILED, source + " changed since its backup record was made (SHA-256 "
            + actual.substring(0, 12) + "..., expected " + sha256.substring(0, 12) + "...)", "take a new backup");
      }
      pending.commit();
    } catch (IOException e) {
      throw failure("copying " + source + " to", file, e);
    }
  }

  @Override
  public void download(String key, OutputStream out, TransferProgress progress) {
    Path file = resolve(key);
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      long total = Files.size(file);
      byte[] buffer = new byte[1 << 16];
      long done = 0;
      int n;
      while ((n = in.read(buffer)) > 0) {
        out.write(buffer, 0, n);
        done += n;
        progress.moved(done, total);
      }
    } catch (NoSuchFileException e) {
      throw new RepositoryException(ExitCode.NOT_FOUND, file + " does not exist",
          "the backup's archive is missing although its index exists; remove the backup with prune or by hand");
    } catch (IOException e) {
      throw failure("reading", file, e);
    }
  }

  @Override
  public List<String> list(String prefix) {
    int slash = prefix.lastIndexOf('/');
    Path directory = slash < 0 ? root : resolve(prefix.substring(0, slash));
    String namePrefix = prefix.substring(slash + 1);
    if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(directory)) {
      return entries
          .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .map(p -> p.getFileName().toString())
          // Hidden names are durable's temp files: never complete objects.
          .filter(name -> name.startsWith(namePrefix) && !name.startsWith("."))
          .map(name -> prefix.substring(0, slash + 1) + name)
          .toList();
    } catch (IOException e) {
      throw failure("listing", directory, e);
    }
  }

  @Override
  public void delete(String key) {
    Path file = resolve(key);
    try {
      if (Files.deleteIfExists(file)) {
        durable.syncDirectory(file.getParent());
      }
    } catch (IOException e) {
      throw failure("deleting", file, e);
    }
  }

  @Override
  public void close() {}

  private Path resolve(String key) {
    Path file = root.resolve(key).normalize();
    if (!file.startsWith(root) || file.equals(root)) {
      throw new IllegalArgumentException("key " + key + " leaves the repository");
    }
    return file;
  }

  private void createDirectories(Path directory) {
    try {
      if (!Files.isDirectory(directory)) {
        Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        durable.syncDirectory(directory.getParent());
      }
    } catch (IOException e) {
      throw failure("creating", directory, e);
    }
  }

  private static RepositoryException failure(String action, Path path, IOException e) {
    return new RepositoryException("I/O error " + action + " " + path + ": " + e.getMessage(),
        "check the repository directory's filesystem and permissions, then retry", e);
  }
}
