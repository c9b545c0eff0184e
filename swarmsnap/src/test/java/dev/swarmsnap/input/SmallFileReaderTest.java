package dev.swarmsnap.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmsnap.error.BadInputException;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.input.SmallFileReader.Links;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that are not what a key or certificate file should be: each refused by name, in bounded
 * time and memory. A separate thread for the timeout, so a read that blocks on a FIFO fails the
 * test instead of hanging the build.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class SmallFileReaderTest {
  @TempDir Path dir;

  private final SmallFileReader following = new SmallFileReader(SmallFileReader.KEY_FILE_LIMIT, Links.FOLLOW, "do this");
  private final SmallFileReader refusing = new SmallFileReader(SmallFileReader.KEY_FILE_LIMIT, Links.REFUSE, "do that");

  @Test
  void readsASmallRegularFile() throws IOException {
    Path file = Files.writeString(dir.resolve("key"), "SWMKEY-1-x\n");
    assertThat(following.read(file)).asString().isEqualTo("SWMKEY-1-x\n");
    assertThat(refusing.read(file)).asString().isEqualTo("SWMKEY-1-x\n");
  }

  @Test
  void aLinkToARegularFileIsFineWhenLinksAreFollowed() throws IOException {
    Path file = Files.writeString(dir.resolve("key"), "k");
    Path link = Files.createSymbolicLink(dir.resolve("link"), file);
    assertThat(following.read(link)).asString().isEqualTo("k");
  }

  @Test
  void aLinkIsRefusedWhereLinksAreNot() throws IOException {
    Path file = Files.writeString(dir.resolve("key"), "k");
    Path link = Files.createSymbolicLink(dir.resolve("link"), file);
    assertRefused(() -> refusing.read(link), link, "is a symbolic link");
  }

  @Test
  void devZeroIsADeviceEitherWay() throws IOException {
    assertRefused(() -> following.read(Path.of("/dev/zero")), Path.of("/dev/zero"), "is a device, not a regular file");
    assertRefused(() -> following.read(Path.of("/dev/urandom")), Path.of("/dev/urandom"), "is a device");
    Path link = Files.createSymbolicLink(dir.resolve("swarm-node.key"), Path.of("/dev/zero"));
    assertRefused(() -> following.read(link), link, "is a device");
    assertRefused(() -> refusing.read(link), link, "is a symbolic link");
  }

  @Test
  void aFifoIsRefusedWithoutBlocking() throws Exception {
    Path fifo = fifo(dir.resolve("fifo"));
    assertRefused(() -> following.read(fifo), fifo, "is a FIFO (named pipe), not a regular file");
    assertRefused(() -> refusing.open(fifo), fifo, "is a FIFO");
  }

  @Test
  void aSocketAndADirectoryAreRefused() throws IOException {
    Path socket = dir.resolve("sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      assertRefused(() -> following.read(socket), socket, "is a socket");
    }
    assertRefused(() -> following.read(dir), dir, "is a directory");
  }

  @Test
  void aFileOverTheCapIsRefusedSayingTheCap() throws IOException {
    Path big = Files.write(dir.resolve("big"), new byte[(1 << 20) + 1]);
    assertRefused(() -> following.read(big), big, "is larger than 1 MiB");
    Path exact = Files.write(dir.resolve("exact"), new byte[1 << 20]);
    assertThat(following.read(exact)).hasSize(1 << 20);
  }

  @Test
  void aMissingFileIsNotFound() {
    Path missing = dir.resolve("missing");
    assertThatThrownBy(() -> following.read(missing))
        .isInstanceOfSatisfying(SwarmsnapException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
          assertThat(e.hint()).contains("do this");
        })
        .hasMessage(missing + " does not exist");
  }

  static Path fifo(Path path) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
    if (p.waitFor() != 0) {
      throw new IOException("mkfifo failed");
    }
    return path;
  }

  private static void assertRefused(Runnable read, Path file, String why) {
    assertThatThrownBy(read::run)
        .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
        .hasMessageStartingWith(file + " ")
        .hasMessageContaining(why);
  }
}
