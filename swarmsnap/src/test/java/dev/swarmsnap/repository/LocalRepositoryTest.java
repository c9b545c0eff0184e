package dev.swarmsnap.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.durable.AtomicFileWriter;
import dev.swarmsnap.durable.DurableFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The repository contract on a local directory, plus the file modes a local repository must have. */
class LocalRepositoryTest extends BackupRepositoryContract {
  @Override
  ObjectStore newStore() {
    return new LocalObjectStore(tmp.resolve("repo-" + UUID.randomUUID()), new AtomicFileWriter(), new DurableFiles());
  }

  @Test
  void everyFileIsOwnerOnlyAndNoTempFileIsLeft() throws Exception {
    Path root = tmp.resolve("repo");
    Path archive = randomFile("a.swarmsnap", 5000);
    try (BackupRepository repo = repository(new LocalObjectStore(root, new AtomicFileWriter(), new DurableFiles()))) {
      repo.store(archive, index(archive, Instant.parse("2026-11-25T10:00:00Z")), TransferProgress.NONE);
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.toList()) {
        String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        assertThat(mode).as(p.toString()).isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
        assertThat(p.getFileName().toString()).doesNotContain(".partial-");
      }
    }
    assertThat(root.resolve(RepositoryLayout.CONFIG)).isRegularFile();
  }

  @Test
  void locationsParse() {
    assertThat(RepositoryLocation.parse("/srv/backups")).isEqualTo(new RepositoryLocation.Local(Path.of("/srv/backups")));
    assertThat(RepositoryLocation.parse("file:///srv/backups")).isEqualTo(new RepositoryLocation.Local(Path.of("/srv/backups")));
    assertThat(RepositoryLocation.parse("s3://bucket/a/b/")).isEqualTo(new RepositoryLocation.S3("bucket", "a/b"));
    assertThat(RepositoryLocation.parse("s3://bucket")).isEqualTo(new RepositoryLocation.S3("bucket", ""));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RepositoryLocation.parse("gs://bucket/x"))
        .hasMessageContaining("not supported");
  }
}
