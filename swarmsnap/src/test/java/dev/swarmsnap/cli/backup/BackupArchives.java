package dev.swarmsnap.cli.backup;

import dev.swarmsnap.archive.ArchiveReader;
import dev.swarmsnap.archive.ArchiveReport;
import dev.swarmsnap.archive.ProgressListener;
import dev.swarmsnap.archive.manifest.ManifestCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What tests look at in an output directory after a backup. */
final class BackupArchives {
  private BackupArchives() {}

  static List<Path> in(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".swarmsnap")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Everything in {@code dir}, hidden staging and temp files included. */
  static List<String> everything(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ArchiveReport verify(Path archive) {
    return new ArchiveReader(new ManifestCodec()).verify(archive, ProgressListener.NONE);
  }
}
