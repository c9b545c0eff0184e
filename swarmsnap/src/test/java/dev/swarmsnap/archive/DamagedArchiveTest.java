package dev.swarmsnap.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmsnap.archive.ArchiveProblem.Kind;
import dev.swarmsnap.archive.manifest.ManifestCodec;
import dev.swarmsnap.durable.AtomicFileWriter;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A good archive, then cut short or with a byte flipped: clean errors, nothing left behind. */
class DamagedArchiveTest {
  @TempDir Path dir;
  private final ManifestCodec codec = new ManifestCodec();
  private byte[] good;
  private Path damaged;
  private Path target;

  @BeforeEach
  void writeGoodArchive() throws IOException {
    SwarmTreeFixture tree = new SwarmTreeFixture(Files.createDirectory(dir.resolve("src")));
    Path archive = dir.resolve("good.swarmsnap");
    new ArchiveWriter(new AtomicFileWriter(), codec, new CompressionSettings(3, 0))
        .write(archive, tree.manifest(), tree.sources, ProgressListener.NONE);
    good = Files.readAllBytes(archive);
    damaged = dir.resolve("damaged.swarmsnap");
    target = dir.resolve("restore");
  }

  /** Cut points as fractions of the file, from inside the first frame header to the checksum. */
  @ParameterizedTest
  @ValueSource(doubles = {0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99})
  void truncatedArchiveIsRefusedAndLeavesNothing(double fraction) throws IOException {
    cut((int) Math.max(5, good.length * fraction));
    assertThatThrownBy(this::extract)
        .isInstanceOf(TruncatedArchiveException.class)
        .hasMessageContaining("is truncated at entry")
        .extracting(e -> ((SwarmsnapException) e).exitCode()).isEqualTo(ExitCode.VERIFY_FAILED);
    assertThat(target).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4})
  void archiveMissingItsLastBytesIsTruncated(int missing) throws IOException {
    cut(good.length - missing);
    assertThatThrownBy(this::extract).isInstanceOf(TruncatedArchiveException.class);
    assertThat(target).doesNotExist();
    ArchiveReport report = new ArchiveReader(codec).verify(damaged, ProgressListener.NONE);
    assertThat(report.problems()).extracting(ArchiveProblem::kind).containsExactly(Kind.TRUNCATED);
  }

  @Test
  void archiveCutInsideTheManifestCannotBeRead() throws IOException {
    cut(60);
    assertThatThrownBy(() -> new ArchiveReader(codec).readManifest(damaged))
        .isInstanceOf(TruncatedArchiveException.class)
        .hasMessageContaining("truncated at entry manifest.json");
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.3, 0.5, 0.7, 0.95})
  void flippedByteIsDetectedAndLeavesNothing(double fraction) throws IOException {
    byte[] copy = good.clone();
    int position = (int) (good.length * fraction);
    copy[position] ^= 0x5a;
    Files.write(damaged, copy);
    assertThatThrownBy(this::extract)
        .isInstanceOfAny(CorruptArchiveException.class, TruncatedArchiveException.class)
        .extracting(e -> ((SwarmsnapException) e).exitCode()).isEqualTo(ExitCode.VERIFY_FAILED);
    assertThat(target).doesNotExist();
    ArchiveReport report = new ArchiveReader(codec).verify(damaged, ProgressListener.NONE);
    assertThat(report.intact()).isFalse();
  }

  @Test
  void flippedByteInTheMiddleIsReportedAsCorrupt() throws IOException {
    byte[] copy = good.clone();
    copy[good.length / 2] ^= 0x01;
    Files.write(damaged, copy);
    assertThatThrownBy(this::extract)
        .isInstanceOf(CorruptArchiveException.class)
        // Caught by our SHA-256 when the byte lies in stored file data, by zstd's checksum or
        // block decoder otherwise; either way the entry is named.
        .hasMessageMatching("(?s)archive .*damaged.swarmsnap.*entry .*(zstd|SHA-256).*");
    assertThat(target).doesNotExist();
  }

  @Test
  void trailingGarbageAfterTheFrameIsCorrupt() throws IOException {
    byte[] copy = Arrays.copyOf(good, good.length + 16);
    Arrays.fill(copy, good.length, copy.length, (byte) 'x');
    Files.write(damaged, copy);
    assertThatThrownBy(this::extract).isInstanceOf(CorruptArchiveException.class);
    assertThat(target).doesNotExist();
  }

  private void cut(int length) throws IOException {
    Files.write(damaged, Arrays.copyOf(good, length));
  }

  private void extract() {
    new SafeExtractor(codec, ExtractionLimits.defaults()).extract(damaged, target, ProgressListener.NONE);
  }
}
