package dev.swarmsnap.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarmsnap.crypto.age.AgeIdentities;
import dev.swarmsnap.crypto.age.AgeKeyPair;
import dev.swarmsnap.crypto.age.AgeRecipients;
import dev.swarmsnap.durable.AtomicFileWriter;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.logical.ExportDocument;
import dev.swarmsnap.logical.ExportDocumentCodec;
import dev.swarmsnap.logical.ExportSource;
import dev.swarmsnap.logical.LogicalObject;
import dev.swarmsnap.logical.ObjectKind;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Reading export documents from files: plain, encrypted, and every way that can go wrong. */
@Timeout(60)
class DocumentFileSourceTest {
  @TempDir Path tmp;
  private final ExportDocumentCodec codec = new ExportDocumentCodec();

  @Test
  void anEncryptedDocumentOpensWithItsIdentityOnly() throws Exception {
    try (AgeKeyPair pair = AgeKeyPair.generate(); AgeKeyPair stranger = AgeKeyPair.generate()) {
      Path file = tmp.resolve("doc.age");
      new DocumentOutput(new AtomicFileWriter()).toFile(codec.write(document()), file,
          Optional.of(AgeRecipients.of(List.of(pair.recipient()), List.of())));

      assertThat(new DocumentFileSource(file, pair.identity(), codec).read().find(ObjectKind.CONFIG, "c")).isPresent();
      assertThatThrownBy(() -> new DocumentFileSource(file, AgeIdentities.none(), codec).read())
          .isInstanceOfSatisfying(SwarmsnapException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
          .hasMessageContaining("is age-encrypted");
      assertThatThrownBy(() -> new DocumentFileSource(file, stranger.identity(), codec).read())
          .isInstanceOfSatisfying(SwarmsnapException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED))
          .hasMessageContaining("none of the identities given opens");
      try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
        raf.seek(raf.length() - 5);
        raf.write(0x55 ^ raf.read());
      }
      assertThatThrownBy(() -> new DocumentFileSource(file, pair.identity(), codec).read())
          .isInstanceOfSatisfying(SwarmsnapException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.VERIFY_FAILED));
    }
  }

  @Test
  void sourcesTellADocumentFromASwarmDirectoryOrArchive() throws Exception {
    Path doc = tmp.resolve("doc.json");
    Files.write(doc, codec.write(document()));
    LogicalSources sources = new LogicalSources(new dev.swarmsnap.core.inspect.InspectService(
        new dev.swarmsnap.archive.ArchiveReader(new dev.swarmsnap.archive.manifest.ManifestCodec(), AgeIdentities.none())),
        AgeIdentities.none(), codec);

    assertThat(sources.open(doc, Optional.empty(), false)).isInstanceOf(DocumentFileSource.class);
    assertThat(sources.open(tmp, Optional.empty(), false)).isInstanceOf(SwarmLogicalSource.class);
    assertThat(sources.open(Files.write(tmp.resolve("a.swarmsnap"), new byte[] {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD}),
        Optional.empty(), false)).isInstanceOf(SwarmLogicalSource.class);
  }

  @Test
  void aFifoOrDeviceIsRefusedAsBadInput() {
    assertThatThrownBy(() -> new DocumentFileSource(Path.of("/dev/zero"), AgeIdentities.none(), codec).read())
        .isInstanceOfSatisfying(SwarmsnapException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE));
  }

  private static ExportDocument document() throws Exception {
    return ExportDocument.of(new ExportSource(ExportSource.Kind.DIRECTORY, Optional.empty(), Optional.empty(), Optional.empty()),
        Optional.empty(), List.of(LogicalObject.of(ObjectKind.CONFIG, "c", (ObjectNode) new ObjectMapper().readTree("{\"Name\":\"c\"}"))));
  }
}
