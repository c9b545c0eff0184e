package dev.swarmsnap.lab;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code GET /_ping} over the engine's unix socket, straight from Java: readiness is polled often,
 * and a {@code docker} process per poll would cost more than the daemon takes to start.
 */
final class EnginePing {
  private static final byte[] REQUEST =
      "GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  /** True when the engine at {@code socket} answers 200 within {@code timeout}. */
  boolean ok(Path socket, Duration timeout) {
    if (!Files.exists(socket)) {
      return false;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        Selector selector = Selector.open()) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      channel.write(ByteBuffer.wrap(REQUEST));
      channel.configureBlocking(false);
      channel.register(selector, SelectionKey.OP_READ);
      ByteBuffer buffer = ByteBuffer.allocate(256);
      while (System.nanoTime() < deadline) {
        long waitMillis = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        selector.select(waitMillis);
        selector.selectedKeys().clear();
        int read = channel.read(buffer);
        String head = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
        int lineEnd = head.indexOf("\r\n");
        if (lineEnd >= 0) {
          String[] status = head.substring(0, lineEnd).split(" ");
          return status.length > 1 && status[1].equals("200");
        }
        if (read < 0 || !buffer.hasRemaining()) {
          return false;
        }
      }
      return false;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
