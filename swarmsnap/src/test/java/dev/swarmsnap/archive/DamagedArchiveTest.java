package dev.swarmsnap.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmsnap.archive.ArchiveProblem.Kind;
import dev.swarmsnap.archive.manifest.ManifestCodec;
import dev.swarmsnap.durable.AtomicFileWriter;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A good archive, then cut short or with a byte flipped: clean errors, nothing left behind. */
@org.junit.jupiter.api.Timeout(120)
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

  /**
   * A byte changed anywhere in the front of the archive, where the manifest's tar header and
   * content lie: the zstd magic is intact, so this is a damaged swarmsnap archive (exit 4), never
   * "not a swarmsnap archive" (exit 1).
   */
  @Test
  void damageAfterTheZstdMagicIsNeverNotAnArchive() throws IOException {
    java.util.Map<String, Integer> seen = new java.util.TreeMap<>();
    for (int position = 4; position < Math.min(good.length, 1200); position += 3) {
      byte[] copy = good.clone();
      copy[position] ^= (byte) (1 << (position % 8));
      Files.write(damaged, copy);
      try {
        new ArchiveReader(codec).verify(damaged, ProgressListener.NONE);
        extract();
        deleteTarget();
      } catch (SwarmsnapException e) {
        if (e.exitCode() != ExitCode.VERIFY_FAILED) {
          seen.merge(e.getClass().getSimpleName() + " exit " + e.exitCode().code() + ": "
              + e.getMessage().replaceAll("[0-9]+", "N"), position, (a, b) -> a);
        }
      }
      assertThat(target).doesNotExist();
    }
    assertThat(seen).as("errors other than exit 4, with the first position").isEmpty();
  }

  /** Data after the tar end marker, in the places a tool could hide it (archive-format §2). */
  @ParameterizedTest
  @ValueSource(strings = {"random-right-after-marker", "random-after-padding", "entry-right-after-marker",
      "entry-as-second-marker-record",
      "entry-after-padding", "entry-in-second-frame", "random-in-second-frame"})
  void dataAfterTheTarEndMarkerIsDamage(String where) throws IOException {
    byte[] tar = decompressed(good);
    int end = endMarker(tar);
    byte[] extra = where.startsWith("random") ? random(700) : extraTar();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    switch (where) {
      case "random-right-after-marker", "entry-right-after-marker", "entry-as-second-marker-record" -> {
        int at = end + (where.contains("second") ? 512 : 1024);
        byte[] copy = Arrays.copyOf(tar, Math.max(tar.length, at + extra.length));
        System.arraycopy(extra, 0, copy, at, extra.length);
        out.write(compressed(copy));
      }
      case "random-after-padding", "entry-after-padding" -> {
        byte[] longer = Arrays.copyOf(tar, tar.length + extra.length);
        System.arraycopy(extra, 0, longer, tar.length, extra.length);
        out.write(compressed(longer));
      }
      default -> {
        out.write(good);
        out.write(compressed(extra));
      }
    }
    Files.write(damaged, out.toByteArray());
    assertThatThrownBy(this::extract)
        .isInstanceOf(CorruptArchiveException.class)
        .hasMessageContaining("after the end of its tar stream")
        .extracting(e -> ((SwarmsnapException) e).exitCode()).isEqualTo(ExitCode.VERIFY_FAILED);
    assertThat(target).doesNotExist();
    ArchiveReport report = new ArchiveReader(codec).verify(damaged, ProgressListener.NONE);
    assertThat(report.intact()).as(where).isFalse();
  }

  @Test
  void zeroPaddingAfterTheMarkerAndAnEmptySecondFrameAreFine() throws IOException {
    byte[] tar = decompressed(good);
    byte[] padded = Arrays.copyOf(tar, tar.length + 4096);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(compressed(padded));
    out.write(compressed(new byte[512]));
    Files.write(damaged, out.toByteArray());
    extract();
    assertThat(target).isDirectory();
  }

  private static byte[] decompressed(byte[] archive) throws IOException {
    try (InputStream in = new ZstdInputStream(new ByteArrayInputStream(archive))) {
      return in.readAllBytes();
    }
  }

  private static byte[] compressed(byte[] plain) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZstdOutputStream zstd = new ZstdOutputStream(out, 3)) {
      zstd.setChecksum(true);
      zstd.write(plain);
    }
    return out.toByteArray();
  }

  /** Where the end marker starts: a 512-byte-block reader stands 1024 bytes past it at the end. */
  private static int endMarker(byte[] tar) throws IOException {
    long[] count = {0};
    InputStream counting = new java.io.FilterInputStream(new ByteArrayInputStream(tar)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        count[0] += Math.max(n, 0);
        return n;
      }
    };
    try (TarArchiveInputStream in = new TarArchiveInputStream(counting, 512)) {
      while (in.getNextEntry() != null) {
        in.transferTo(java.io.OutputStream.nullOutputStream());
      }
    }
    return (int) count[0] - 1024;
  }

  private static byte[] extraTar() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      TarArchiveEntry entry = new TarArchiveEntry("swarm/extra");
      byte[] content = "hidden".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      entry.setSize(content.length);
      tar.putArchiveEntry(entry);
      tar.write(content);
      tar.closeArchiveEntry();
    }
    return out.toByteArray();
  }

  private static byte[] random(int length) {
    byte[] bytes = new byte[length];
    new Random(14).nextBytes(bytes);
    bytes[0] = 1; // never all zeros
    return bytes;
  }

  private void deleteTarget() throws IOException {
    if (Files.exists(target)) {
      try (var walk = Files.walk(target)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private void cut(int length) throws IOException {
    Files.write(damaged, Arrays.copyOf(good, length));
  }

  private void extract() {
    new SafeExtractor(codec, ExtractionLimits.defaults()).extract(damaged, target, ProgressListener.NONE);
  }
}
