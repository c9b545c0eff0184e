package dev.swarmsnap.archive;

import dev.swarmsnap.archive.manifest.Manifest;
import dev.swarmsnap.archive.manifest.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Writes an archive and reads it back at the same time. A second thread reads the bytes on their way
 * to the file exactly as {@code reader} reads a file (so it decrypts them when the reader holds an
 * identity, and checks every entry against the manifest); once the file is published, it is hashed
 * from disk and must match those bytes. Together that is the read-back of the file itself, without
 * a second pass after the write: on a machine with a free core the check costs the hashing of the
 * file only. Thread-safe; each call is independent.
 */
public final class CheckedArchiveWriter {
  private final ArchiveWriter writer;
  private final ArchiveReader reader;

  public CheckedArchiveWriter(ArchiveWriter writer, ArchiveReader reader) {
    this.writer = Objects.requireNonNull(writer, "writer");
    this.reader = Objects.requireNonNull(reader, "reader");
  }

  /** The archive written, and what the check found wrong with it (nothing when intact). */
  public record Result(WrittenArchive archive, List<String> problems) {
    public Result {
      problems = List.copyOf(problems);
    }

    public boolean intact() {
      return problems.isEmpty();
    }
  }

  /**
   * Writes as {@link ArchiveWriter#write(Path, Manifest, List, ProgressListener)} does and checks
   * what was written. A failure to write throws as there; a failed check is reported in the result
   * and leaves the archive in place for the caller to deal with.
   */
  public Result write(Path target, Manifest manifest, List<ArchiveSource> sources, ProgressListener progress) {
    ChunkPipe pipe = new ChunkPipe();
    FutureTask<ArchiveReport> check = new FutureTask<>(() -> {
      try (InputStream written = pipe.source()) {
        return reader.verify(written, target.toString());
      }
    });
    Thread checking = new Thread(check, "swarmsnap-archive-check");
    checking.setDaemon(true);
    checking.start();
    WrittenArchive archive;
    try {
      archive = writer.write(target, manifest, sources, progress, pipe.sink());
    } finally {
      // The check meets the end of the stream (early when the write failed) and finishes.
      try {
        pipe.sink().close();
      } catch (IOException ignored) {
        // The sink drops data only; it has nothing to fail on.
      }
    }
    List<String> problems = new ArrayList<>();
    try {
      check.get().problems().forEach(p -> problems.add(p.toString()));
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      problems.add("reading it as it was written failed: " + cause.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      problems.add("interrupted while checking it");
    }
    Sha256 onDisk = sha256(archive.path());
    if (!onDisk.equals(archive.sha256())) {
      problems.add("the file on disk has SHA-256 " + onDisk + ", not the " + archive.sha256() + " of the bytes written");
    }
    return new Result(archive, problems);
  }

  private static Sha256 sha256(Path file) {
    try {
      return Sha256.ofFile(file);
    } catch (IOException e) {
      throw new CorruptArchiveException("cannot read back " + file + ": " + e.getMessage(), e);
    }
  }

}
