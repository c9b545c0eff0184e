package dev.swarmsnap.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmsnap.durable.AtomicFileWriter;
import dev.swarmsnap.repository.s3.S3ObjectStore;
import dev.swarmsnap.testing.S3Server;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository contract against a real S3-compatible server (S3Proxy on loopback), each test in
 * its own key prefix; plus multipart uploads and an upload cut off by the server going away.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class S3RepositoryTest extends BackupRepositoryContract {
  private static final int PART = 5 * 1024 * 1024;

  @TempDir static Path serverDir;
  static S3Server server;

  @BeforeAll
  static void startServer() {
    server = S3Server.start(serverDir, "backups");
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Override
  ObjectStore newStore() {
    return S3ObjectStore.open(new RepositoryLocation.S3("backups", "t/" + UUID.randomUUID()), settings());
  }

  private static S3Settings settings() {
    return new S3Settings(Optional.of(server.endpoint()), true, server.environment(), PART);
  }

  @Test
  void aLargeArchiveGoesUpInPartsAndComesBackWhole() throws Exception {
    Path archive = randomFile("big.swarmsnap", 2 * PART + 12345);
    BackupIndex index = index(archive, Instant.parse("2026-11-25T10:00:00Z"));
    long[] lastProgress = new long[2];
    try (BackupRepository repo = repository(newStore())) {
      repo.store(archive, index, (done, total) -> {
        lastProgress[0] = done;
        lastProgress[1] = total;
      });

      assertThat(lastProgress).containsExactly(Files.size(archive), Files.size(archive));
      Path fetched = tmp.resolve("fetched");
      repo.fetch(index, fetched, TransferProgress.NONE);
      assertThat(Files.mismatch(fetched, archive)).isEqualTo(-1);
    }
  }

  @Test
  void anUploadCutOffByTheServerGoingAwayLeavesNoBackupVisible() throws Exception {
    Path archive = randomFile("big.swarmsnap", 2 * PART + 1);
    byte[] before = Files.readAllBytes(archive);
    BackupIndex index = index(archive, Instant.parse("2026-11-25T10:00:00Z"));
    ObjectStore store = newStore();
    try (BackupRepository repo = repository(store)) {
      try {
        assertThatThrownBy(() -> repo.store(archive, index, (done, total) -> {
          if (done == PART) {
            server.stop(); // after the first part, before the second
          }
        })).isInstanceOf(RepositoryException.class).hasMessageContaining("failed");
      } finally {
        server.start();
      }

      assertThat(repo.list()).isEmpty();
      assertThat(repo.contains(index.id())).isFalse();
      assertThat(store.list(RepositoryLayout.ARCHIVE_DIR)).noneMatch(k -> k.equals(new RepositoryLayout().archive(index.id())));
      assertThat(Files.readAllBytes(archive)).isEqualTo(before);
    }
  }

  @Test
  void aMissingBucketIsNamed() {
    try (BackupRepository repo = new BackupRepository(
        S3ObjectStore.open(new RepositoryLocation.S3("no-such-bucket", ""), settings()),
        new AtomicFileWriter(), Clock.systemUTC(), "0.0.0-test")) {
      assertThatThrownBy(repo::list).hasMessageContaining("no-such-bucket");
    }
  }

  @Test
  void wrongCredentialsAreReportedAsSuch() {
    S3Settings wrong = new S3Settings(Optional.of(server.endpoint()), true,
        java.util.Map.of("AWS_ACCESS_KEY_ID", "nobody", "AWS_SECRET_ACCESS_KEY", "wrong", "AWS_REGION", "us-east-1"), PART);
    try (BackupRepository repo = new BackupRepository(
        S3ObjectStore.open(new RepositoryLocation.S3("backups", "x"), wrong), new AtomicFileWriter(), Clock.systemUTC(), "t")) {
      assertThatThrownBy(repo::list).hasMessageContaining("403");
    }
  }
}
