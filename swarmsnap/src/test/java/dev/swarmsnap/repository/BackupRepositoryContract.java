package dev.swarmsnap.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmsnap.durable.AtomicFileWriter;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every repository store must do, run against each of them (local directory, S3): round trips,
 * idempotent stores, the index-last / index-first ordering, layout versioning, and damage detection.
 */
abstract class BackupRepositoryContract {
  @TempDir Path tmp;

  /** A fresh, empty store for one test. */
  abstract ObjectStore newStore();

  BackupRepository repository(ObjectStore store) {
    return new BackupRepository(store, new AtomicFileWriter(), Clock.systemUTC(), "0.0.0-test");
  }

  @Test
  void aStoreWithoutConfigIsNoRepository() {
    try (BackupRepository repo = repository(newStore())) {
      assertThatThrownBy(repo::list).isInstanceOf(SwarmsnapException.class)
          .hasMessageContaining("no swarmsnap repository")
          .satisfies(e -> assertThat(((SwarmsnapException) e).exitCode()).isEqualTo(ExitCode.NOT_FOUND));
    }
  }

  @Test
  void aStoredBackupIsListedFromItsIndexAndFetchedByteForByte() throws Exception {
    Path archive = randomFile("a.swarmsnap", 100_000);
    BackupIndex index = index(archive, Instant.parse("2026-11-25T10:00:00Z"));
    try (BackupRepository repo = repository(newStore())) {
      repo.store(archive, index, TransferProgress.NONE);

      assertThat(repo.config()).get().extracting(RepositoryConfig::layoutVersion).isEqualTo(RepositoryLayout.VERSION);
      assertThat(repo.list()).containsExactly(index);
      Path fetched = tmp.resolve("fetched.swarmsnap");
      repo.fetch(index, fetched, TransferProgress.NONE);
      assertThat(Files.readAllBytes(fetched)).isEqualTo(Files.readAllBytes(archive));
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fetched))).isEqualTo("rw-------");
    }
  }

  @Test
  void storingABackupTwiceKeepsOne() throws Exception {
    Path archive = randomFile("a.swarmsnap", 1000);
    BackupIndex index = index(archive, Instant.parse("2026-11-25T10:00:00Z"));
    try (BackupRepository repo = repository(newStore())) {
      repo.store(archive, index, TransferProgress.NONE);
      repo.store(archive, index, TransferProgress.NONE);

      assertThat(repo.list()).containsExactly(index);
    }
  }

  @Test
  void removingHidesTheBackupAndDeletesItsArchive() throws Exception {
    Path archive = randomFile("a.swarmsnap", 1000);
    BackupIndex index = index(archive, Instant.parse("2026-11-25T10:00:00Z"));
    ObjectStore store = newStore();
    try (BackupRepository repo = repository(store)) {
      repo.store(archive, index, TransferProgress.NONE);
      repo.remove(index);

      assertThat(repo.list()).isEmpty();
      assertThat(store.list(RepositoryLayout.ARCHIVE_DIR)).isEmpty();
    }
  }

  @Test
  void anArchiveWithoutItsIndexIsInvisible() throws Exception {
    Path archive = randomFile("a.swarmsnap", 1000);
    BackupIndex index = index(archive, Instant.parse("2026-11-25T10:00:00Z"));
    ObjectStore store = newStore();
    try (BackupRepository repo = repository(store)) {
      repo.store(archive, index, TransferProgress.NONE);
      // As after a crash between the archive upload and the index write.
      store.delete(new RepositoryLayout().index(index.id()));

      assertThat(repo.list()).isEmpty();
      assertThat(repo.contains(index.id())).isFalse();
    }
  }

  @Test
  void aNewerLayoutIsRefusedWithAClearMessage() {
    ObjectStore store = newStore();
    store.write(RepositoryLayout.CONFIG,
        "{\"layout_version\": 2, \"created_at\": \"2030-01-01T00:00:00Z\", \"created_by\": \"swarmsnap 9\"}"
            .getBytes(StandardCharsets.UTF_8));
    try (BackupRepository repo = repository(store)) {
      assertThatThrownBy(repo::list).hasMessageContaining("layout version 2")
          .hasMessageContaining("newer than this swarmsnap understands (1)");
    }
  }

  @Test
  void aFileThatDoesNotMatchItsIndexIsNotStored() throws Exception {
    Path archive = randomFile("a.swarmsnap", 1000);
    BackupIndex index = index(archive, Instant.parse("2026-11-25T10:00:00Z"));
    Files.write(archive, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
    ObjectStore store = newStore();
    try (BackupRepository repo = repository(store)) {
      assertThatThrownBy(() -> repo.store(archive, index, TransferProgress.NONE)).hasMessageContaining("changed since");

      assertThat(repo.list()).isEmpty();
      assertThat(store.list(RepositoryLayout.ARCHIVE_DIR)).isEmpty();
    }
  }

  @Test
  void aDamagedStoredArchiveIsRefusedOnFetchAndNothingIsLeft() throws Exception {
    Path archive = randomFile("a.swarmsnap", 1000);
    BackupIndex index = index(archive, Instant.parse("2026-11-25T10:00:00Z"));
    ObjectStore store = newStore();
    try (BackupRepository repo = repository(store)) {
      repo.store(archive, index, TransferProgress.NONE);
      store.write(new RepositoryLayout().archive(index.id()), new byte[] {0, 1, 2});

      Path fetched = tmp.resolve("fetched.swarmsnap");
      assertThatThrownBy(() -> repo.fetch(index, fetched, TransferProgress.NONE))
          .hasMessageContaining("does not match its index record");
      assertThat(fetched).doesNotExist();
    }
  }

  Path randomFile(String name, int size) throws Exception {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    Path file = tmp.resolve(name);
    Files.write(file, bytes);
    return file;
  }

  static BackupIndex index(Path archive, Instant createdAt) throws Exception {
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(archive)));
    return new BackupIndex(1, sha, createdAt, "c1u5ter000000000000000000", "test-node", "n0de0000000000000000000000",
        "20.10.24+dfsg1", "0.0.0-test", "swarm-c1u5ter00000-test-node-20261125T100000Z.swarmsnap", 1,
        Files.size(archive), sha, false, false, Optional.empty(), VerifyResult.PASSED);
  }
}
