package dev.swarmsnap.swarmstate.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The files of one swarm directory, wherever they are: a directory on disk or the {@code swarm/}
 * entries of a swarmsnap archive read as a stream. Paths are relative to the swarm directory and
 * {@code /}-separated ({@code raft/wal-v3-encrypted/0000000000000000-0000000000000000.wal}).
 *
 * <p>Why this shape: an archive can only be read front to back, so large files (WAL segments) are
 * offered only through {@link #readInOrder}, one pass handing out each file as a stream in path
 * order, which is also the archive's entry order. Small files are read whole. Implementations
 * are not thread-safe.
 */
public interface SwarmFiles {

  /** Cap for {@link #readSmall} of a raft snapshot: real ones are at most a few hundred MB. */
  int SNAPSHOT_LIMIT = 512 << 20;

  /** Cap for {@link #readSmall} of anything else (certificates, keys, JSON): real ones take KiBs. */
  int SMALL_FILE_LIMIT = 1 << 20;

  /** The most bytes {@link #readSmall} reads of {@code relative}. */
  static int sizeLimit(String relative) {
    return relative.startsWith("raft/") ? SNAPSHOT_LIMIT : SMALL_FILE_LIMIT;
  }

  /** Where the files are, for messages: a directory, or {@code archive!/swarm}. */
  String description();

  /** The path to name in messages about {@code relative} (never opened through it). */
  Path location(String relative);

  /**
   * Whether {@code relative} is a regular file.
   *
   * @throws dev.swarmsnap.error.BadInputException if something else is there (a link, device,
   *     FIFO, socket or directory): false would call it missing
   */
  boolean isFile(String relative);

  /** Names of the regular files directly inside directory {@code relative}, sorted; empty if none. */
  List<String> fileNames(String relative);

  /** Length of a file in bytes (for a WAL in an archive: the stored, real-data length). */
  long size(String relative);

  /**
   * A whole small file.
   *
   * @throws dev.swarmsnap.error.SwarmsnapException if it is missing, over {@link #sizeLimit} or
   *     cannot be read; {@link dev.swarmsnap.error.BadInputException} if it is no regular file
   */
  byte[] readSmall(String relative);

  /**
   * Hands each file of {@code relatives} (sorted ascending, as {@link #fileNames} returns them)
   * to {@code reader} in that order, as a stream of exactly {@link #size} bytes. One pass.
   *
   * @throws dev.swarmsnap.error.SwarmsnapException if a file is missing or cannot be read
   */
  void readInOrder(List<String> relatives, FileReader reader);

  /** Reads one file's stream; must not close it. */
  @FunctionalInterface
  interface FileReader {
    void read(String relative, InputStream content, long size) throws IOException;
  }
}
