package dev.swarmsnap.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmsnap.archive.manifest.ManifestCodec;
import dev.swarmsnap.crypto.age.AgeKeyPair;
import dev.swarmsnap.crypto.age.AgeRecipients;
import dev.swarmsnap.durable.AtomicFileWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The archive is checked while it is written, through the same reading code as a file. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CheckedArchiveWriterTest {
  @TempDir Path dir;
  private final ManifestCodec codec = new ManifestCodec();
  private SwarmTreeFixture tree;
  private Path archive;

  @BeforeEach
  void fixture() throws IOException {
    tree = new SwarmTreeFixture(Files.createDirectory(dir.resolve("src")));
    archive = Files.createDirectory(dir.resolve("out")).resolve("b.swarmsnap");
  }

  @Test
  void aPlainArchiveIsWrittenAndFoundIntact() {
    CheckedArchiveWriter.Result result = new CheckedArchiveWriter(plainWriter(), new ArchiveReader(codec))
        .write(archive, tree.manifest(), tree.sources, ProgressListener.NONE);

    assertThat(result.problems()).isEmpty();
    assertThat(result.archive().path()).isEqualTo(archive);
    assertThat(new ArchiveReader(codec).verify(archive, ProgressListener.NONE).intact()).isTrue();
  }

  @Test
  void anEncryptedArchiveIsDecryptedByTheCheckAndFoundIntact() throws Exception {
    try (AgeKeyPair key = AgeKeyPair.generate()) {
      ArchiveWriter writer = new ArchiveWriter(new AtomicFileWriter(), codec, CompressionSettings.defaults(),
          Optional.of(AgeRecipients.of(List.of(key.recipient()), List.of())));
      CheckedArchiveWriter.Result result = new CheckedArchiveWriter(writer, new ArchiveReader(codec, key.identity()))
          .write(archive, tree.manifest(), tree.sources, ProgressListener.NONE);

      assertThat(result.problems()).isEmpty();
      assertThat(new ArchiveReader(codec, key.identity()).verify(archive, ProgressListener.NONE).intact()).isTrue();
    }
  }

  @Test
  void whatTheCheckCannotReadIsReportedAndTheArchiveLeftForTheCaller() throws Exception {
    try (AgeKeyPair recipient = AgeKeyPair.generate(); AgeKeyPair stranger = AgeKeyPair.generate()) {
      ArchiveWriter writer = new ArchiveWriter(new AtomicFileWriter(), codec, CompressionSettings.defaults(),
          Optional.of(AgeRecipients.of(List.of(recipient.recipient()), List.of())));
      CheckedArchiveWriter.Result result = new CheckedArchiveWriter(writer, new ArchiveReader(codec, stranger.identity()))
          .write(archive, tree.manifest(), tree.sources, ProgressListener.NONE);

      assertThat(result.intact()).isFalse();
      assertThat(result.problems()).singleElement().asString().contains("cannot be decrypted");
      assertThat(archive).exists();
    }
  }

  @Test
  void aFailedWriteThrowsAsBeforeAndLeavesNoCheckRunning() throws IOException {
    Files.writeString(tree.root.resolve("swarm/state.json"), "[{\"node_id\":\"n0d3\",\"addr\":\"192.0.2.9:2377\"}]");
    assertThatThrownBy(() -> new CheckedArchiveWriter(plainWriter(), new ArchiveReader(codec))
        .write(archive, tree.manifest(), tree.sources, ProgressListener.NONE))
        .isInstanceOf(ArchiveSourceException.class);

    assertThat(archive).doesNotExist();
    boolean ended = dev.swarmsnap.testing.Await.until(java.time.Duration.ofSeconds(5), () -> Thread.getAllStackTraces()
        .keySet().stream().noneMatch(t -> t.getName().equals("swarmsnap-archive-check") && t.isAlive()));
    assertThat(ended).as("the checking thread ended").isTrue();
  }

  private ArchiveWriter plainWriter() {
    return new ArchiveWriter(new AtomicFileWriter(), codec, CompressionSettings.defaults());
  }
}
