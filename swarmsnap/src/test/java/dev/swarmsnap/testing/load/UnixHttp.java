package dev.swarmsnap.testing.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * One HTTP request per connection to an engine's unix socket, straight from the JVM: the write load
 * and the API poller send 20-40 requests a second, and a {@code docker} process per request would
 * load the shared 2-core machine more than the backup under test. HTTP/1.0 so that the engine
 * answers with a plain body and closes (no chunked encoding, no keep-alive to manage).
 *
 * @param socket the engine's API socket ({@code LabNode.socket()})
 * @param timeout the whole request, connect to last byte; over it the request fails
 */
public record UnixHttp(Path socket, Duration timeout) {
  private static final int MAX_RESPONSE_BYTES = 8 << 20;

  public UnixHttp {
    Objects.requireNonNull(socket, "socket");
    Objects.requireNonNull(timeout, "timeout");
  }

  /** Status code and body of one answer. */
  public record Response(int status, String body) {
    public boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  public Response get(String path) throws IOException {
    return send("GET", path, null);
  }

  /** {@code jsonBody} null sends no body. */
  public Response send(String method, String path, String jsonBody) throws IOException {
    byte[] body = jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
    String head = method + " " + path + " HTTP/1.0\r\nHost: docker\r\n"
        + (jsonBody == null ? "" : "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n")
        + "\r\n";
    long deadline = System.nanoTime() + timeout.toNanos();
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        Selector selector = Selector.open()) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      ByteBuffer request = ByteBuffer.allocate(head.length() + body.length);
      request.put(head.getBytes(StandardCharsets.US_ASCII)).put(body).flip();
      while (request.hasRemaining()) {
        channel.write(request); // blocking: requests are small, the socket buffer takes them whole
      }
      channel.configureBlocking(false);
      channel.register(selector, SelectionKey.OP_READ);
      return parse(readAll(channel, selector, deadline));
    }
  }

  private byte[] readAll(SocketChannel channel, Selector selector, long deadline) throws IOException {
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new IOException("no complete answer within " + timeout.toMillis() + " ms");
      }
      selector.select(Math.max(1, left / 1_000_000));
      selector.selectedKeys().clear();
      int read = channel.read(buffer);
      if (read < 0) {
        return answer.toByteArray();
      }
      answer.write(buffer.array(), 0, buffer.position());
      buffer.clear();
      if (answer.size() > MAX_RESPONSE_BYTES) {
        throw new IOException("answer over " + MAX_RESPONSE_BYTES + " bytes");
      }
    }
  }

  private static Response parse(byte[] raw) throws IOException {
    String text = new String(raw, StandardCharsets.UTF_8);
    int headEnd = text.indexOf("\r\n\r\n");
    int lineEnd = text.indexOf("\r\n");
    String[] status = lineEnd < 0 ? new String[0] : text.substring(0, lineEnd).split(" ");
    if (headEnd < 0 || status.length < 2 || !status[1].matches("\\d{3}")) {
      throw new IOException("not an HTTP answer (" + raw.length + " bytes)");
    }
    return new Response(Integer.parseInt(status[1]), text.substring(headEnd + 4));
  }
}
