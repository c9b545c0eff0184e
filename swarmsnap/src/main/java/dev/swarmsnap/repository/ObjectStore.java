package dev.swarmsnap.repository;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A flat store of named objects, keys like {@code index/<id>.json}. Implementations keep no state
 * between calls beyond their connection, retry transient failures themselves, and rethrow every
 * other failure as {@link RepositoryException} naming the store and key. Writes are atomic: an
 * object is either absent or complete under its key, never partial.
 */
public interface ObjectStore extends AutoCloseable {
  /** The store for messages, e.g. {@code s3://bucket/prefix} or a directory path. */
  String describe();

  /**
   * Reads a small object whole.
   *
   * @return empty if there is no object under {@code key}
   * @throws RepositoryException if it is larger than {@code maxBytes} or cannot be read
   */
  Optional<byte[]> read(String key, int maxBytes);

  /** Writes a small object whole, atomically, replacing any object under the key. */
  void write(String key, byte[] content);

  /**
   * Uploads a file, streaming it (in parts when large), with a checksum the store verifies. The
   * SHA-256 of the bytes sent is compared with {@code sha256} before the object is published. On
   * any failure nothing is left under {@code key}.
   *
   * @param sha256 lowercase hex SHA-256 the file must have
   * @param progress bytes sent so far of the file's size
   */
  void upload(String key, Path file, String sha256, TransferProgress progress);

  /**
   * Streams the object under {@code key} into {@code out}.
   *
   * @throws RepositoryException with exit code NOT_FOUND if there is no such object
   */
  void download(String key, OutputStream out, TransferProgress progress);

  /** Every key that starts with {@code prefix}, in no particular order. */
  List<String> list(String prefix);

  /** Removes the object under {@code key}; removing a missing object is not an error. */
  void delete(String key);

  @Override
  void close();
}
