package dev.swarmsnap.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.ZstdInputStream;
import dev.swarmsnap.archive.manifest.Manifest;
import dev.swarmsnap.archive.manifest.ManifestCodec;
import dev.swarmsnap.archive.manifest.ManifestFile;
import dev.swarmsnap.durable.AtomicFileWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveRoundTripTest {
  @TempDir Path dir;
  private SwarmTreeFixture tree;
  private Path archive;
  private final ManifestCodec codec = new ManifestCodec();

  @BeforeEach
  void writeArchive() throws IOException {
    tree = new SwarmTreeFixture(Files.createDirectory(dir.resolve("src")));
    archive = dir.resolve("backup.swarmsnap");
  }

  private WrittenArchive write() {
    return new ArchiveWriter(new AtomicFileWriter(), codec, new CompressionSettings(3, 2))
        .write(archive, tree.manifest(), tree.sources, ProgressListener.NONE);
  }

  @Test
  void walIsStoredShortAndRestoredToItsOriginalLength() throws IOException {
    WrittenArchive written = write();
    assertThat(written.size()).isEqualTo(Files.size(archive)).isLessThan(200_000);

    ExtractionResult result =
        new SafeExtractor(codec, ExtractionLimits.defaults()).extract(archive, dir.resolve("out"), ProgressListener.NONE);

    Path wal = dir.resolve("out").resolve(SwarmTreeFixture.WAL);
    assertThat(Files.size(wal)).isEqualTo(64_000_000L);
    byte[] head = new byte[SwarmTreeFixture.WAL_DATA];
    try (InputStream in = Files.newInputStream(wal)) {
      assertThat(in.readNBytes(head, 0, head.length)).isEqualTo(head.length);
      byte[] tail = in.readNBytes(1 << 20);
      assertThat(tail).containsOnly(0);
    }
    ManifestFile walEntry = result.manifest().file(SwarmTreeFixture.WAL).orElseThrow();
    assertThat(walEntry.storedLength()).isEqualTo(SwarmTreeFixture.WAL_DATA);
    assertThat(SwarmTreeFixture.sha256(head)).isEqualTo(walEntry.sha256().orElseThrow());
    assertThat(Files.size(tree.root.resolve(SwarmTreeFixture.WAL))).isEqualTo(64_000_000L);
    assertThat(result.storedBytes()).isEqualTo(tree.manifest().totalStoredBytes());
    assertThat(result.restoredBytes()).isEqualTo(tree.manifest().totalOriginalBytes());
  }

  @Test
  void everyFileComesBackWithContentAndMode() throws IOException {
    write();
    Path out = dir.resolve("out");
    new SafeExtractor(codec, ExtractionLimits.defaults()).extract(archive, out, ProgressListener.NONE);
    for (ManifestFile file : tree.manifest().files()) {
      Path restored = out.resolve(file.path());
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(restored, LinkOption.NOFOLLOW_LINKS)))
          .as(file.path())
          .isEqualTo(PosixFilePermissions.toString(file.mode().toPermissions()));
      if (!file.isDirectory() && file.storedLength() == file.originalLength()) {
        assertThat(restored).hasSameBinaryContentAs(tree.root.resolve(file.path()));
      }
    }
    try (Stream<Path> all = Files.walk(out)) {
      assertThat(all.count()).isEqualTo(tree.manifest().files().size() + 1);
    }
  }

  @Test
  void manifestIsTheFirstEntryThenApiThenSwarm() throws IOException {
    write();
    List<String> names = new ArrayList<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new ZstdInputStream(Files.newInputStream(archive)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        names.add(entry.getName());
        assertThat(entry.isSymbolicLink() || entry.isLink()).isFalse();
      }
    }
    assertThat(names.get(0)).isEqualTo("manifest.json");
    assertThat(names.subList(1, 4)).containsExactly("api/", "api/info.json", "api/nodes.json");
    assertThat(names.subList(4, names.size())).allMatch(n -> n.startsWith("swarm/")).isSorted();
    assertThat(names).contains("swarm/raft/" + "n".repeat(150) + ".json");
  }

  @Test
  void archiveFileIsOwnerOnlyAndNoTempFileRemains() throws IOException {
    write();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(archive))).isEqualTo("rw-------");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("src", "backup.swarmsnap");
    }
  }

  @Test
  void readerReturnsTheManifestAndVerifiesCleanly() {
    write();
    ArchiveReader reader = new ArchiveReader(codec);
    Manifest manifest = reader.readManifest(archive);
    assertThat(manifest).isEqualTo(tree.manifest());

    List<Long> progress = new ArrayList<>();
    ArchiveReport report = reader.verify(archive, (done, total) -> progress.add(done));
    assertThat(report.problems()).isEmpty();
    assertThat(report.intact()).isTrue();
    assertThat(report.entriesRead()).isEqualTo(tree.manifest().files().size());
    assertThat(progress).isNotEmpty().last().isEqualTo(archiveSize());
  }

  @Test
  void writerReportsProgressUpToTheTotal() {
    List<long[]> calls = new ArrayList<>();
    new ArchiveWriter(new AtomicFileWriter(), codec, CompressionSettings.defaults())
        .write(archive, tree.manifest(), tree.sources, (done, total) -> calls.add(new long[] {done, total}));
    long[] last = calls.get(calls.size() - 1);
    assertThat(last[0]).isEqualTo(last[1]);
    assertThat(last[1]).isGreaterThan(tree.manifest().totalStoredBytes());
  }

  @Test
  void ownersAreLeftToTheCurrentUserWhenAsked() {
    write();
    ExtractionResult result =
        new SafeExtractor(codec, new ExtractionLimits(1L << 30, ExtractionLimits.Ownership.CURRENT_USER))
            .extract(archive, dir.resolve("out"), ProgressListener.NONE);
    assertThat(result.ownersRestored()).isFalse();
  }

  private long archiveSize() {
    try {
      return Files.size(archive);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
