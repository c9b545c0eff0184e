package dev.swarmsnap.durable;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileWriterTest {
  @TempDir Path dir;

  @Test
  void commitPublishesTheContentWithTheRequestedMode() throws IOException {
    Path target = dir.resolve("a.swarmsnap");
    try (PendingFile file = new AtomicFileWriter().create(target, AtomicFileWriter.OWNER_ONLY)) {
      file.write("hello".getBytes(UTF_8));
      assertThat(target).doesNotExist();
      assertThat(file.tempPath().getFileName().toString()).startsWith(".a.swarmsnap.partial-");
      file.commit();
    }
    assertThat(target).hasContent("hello");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
    assertThat(listNames()).containsExactly("a.swarmsnap");
  }

  @Test
  void modeIsSetExactlyEvenWhenWiderThanTheTempFile() throws IOException {
    Path target = dir.resolve("wide");
    try (PendingFile file =
        new AtomicFileWriter().create(target, PosixFilePermissions.fromString("rw-r--r--"))) {
      file.write(1);
      file.commit();
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r--r--");
  }

  @Test
  void closeWithoutCommitLeavesNothing() {
    Path target = dir.resolve("never");
    try (PendingFile file = new AtomicFileWriter().create(target, AtomicFileWriter.OWNER_ONLY)) {
      file.write(new byte[1000], 0, 1000);
    }
    assertThat(target).doesNotExist();
    assertThat(listNames()).isEmpty();
  }

  @Test
  void commitReplacesAnOlderFileAtomically() throws IOException {
    Path target = dir.resolve("x");
    Files.writeString(target, "old");
    try (PendingFile file = new AtomicFileWriter().create(target, AtomicFileWriter.OWNER_ONLY)) {
      file.write("new".getBytes(UTF_8));
      file.commit();
    }
    assertThat(target).hasContent("new");
  }

  @Test
  void fullFilesystemAbandonsTheFileAndNamesTheFilesystem() throws IOException {
    Path target = dir.resolve("full.swarmsnap");
    Files.writeString(target, "previous good backup");
    AtomicFileWriter writer = new AtomicFileWriter(new DurableFiles(), DiskFullAfter::new);

    PendingFile file = writer.create(target, AtomicFileWriter.OWNER_ONLY);
    assertThatThrownBy(
            () -> {
              for (int i = 0; i < 100; i++) {
                file.write(new byte[4096], 0, 4096);
              }
              file.commit();
            })
        .isInstanceOf(DurableWriteException.class)
        .hasMessageStartingWith("no space left on ")
        .hasMessageContaining("writing " + target)
        .satisfies(
            e ->
                assertThat(((DurableWriteException) e).hint())
                    .hasValue("free space on that filesystem or choose another --output"));
    file.close();

    assertThat(target).hasContent("previous good backup");
    assertThat(file.tempPath()).doesNotExist();
    assertThat(listNames()).containsExactly("full.swarmsnap");
  }

  @Test
  void writingAfterAFailureRepeatsTheFailure() {
    PendingFile file =
        new AtomicFileWriter(new DurableFiles(), DiskFullAfter::new)
            .create(dir.resolve("f"), AtomicFileWriter.OWNER_ONLY);
    assertThatThrownBy(() -> file.write(new byte[200_000], 0, 200_000))
        .isInstanceOf(DurableWriteException.class);
    assertThatThrownBy(file::commit).isInstanceOf(DurableWriteException.class);
    assertThat(listNames()).isEmpty();
  }

  @Test
  void missingDirectoryIsAClearError() {
    assertThatThrownBy(
            () -> new AtomicFileWriter().create(dir.resolve("no/such/dir/f"), AtomicFileWriter.OWNER_ONLY))
        .isInstanceOf(DurableWriteException.class)
        .hasMessageContaining("does not exist");
  }

  private java.util.List<String> listNames() {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Behaves like a filesystem that fills up after 64 KiB: the kernel's ENOSPC text. */
  private static final class DiskFullAfter extends FilterOutputStream {
    private long written;

    DiskFullAfter(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (written + len > 65_536) {
        throw new IOException("No space left on device");
      }
      written += len;
      out.write(b, off, len);
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }
  }
}
