package dev.swarmsnap.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmsnap.testing.Await;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The write-behind and read-ahead streams that run age beside compression (pure logic). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BackgroundStreamsTest {
  private static final byte[] DATA = random(1_000_003);

  @Test
  void writeBehindPassesEveryByteOnInOrderAndClosesDownstream() throws IOException {
    AtomicBoolean closed = new AtomicBoolean();
    ByteArrayOutputStream sink = new ByteArrayOutputStream() {
      @Override
      public void close() {
        closed.set(true);
      }
    };
    Random sizes = new Random(7);
    try (OutputStream out = new WriteBehindOutputStream(sink, "test-write")) {
      int off = 0;
      while (off < DATA.length) {
        int n = Math.min(DATA.length - off, sizes.nextInt(200_000));
        out.write(DATA, off, n);
        off += n;
      }
      out.write(7);
    }
    byte[] expected = Arrays.copyOf(DATA, DATA.length + 1);
    expected[DATA.length] = 7;
    assertThat(sink.toByteArray()).isEqualTo(expected);
    assertThat(closed).isTrue();
  }

  @Test
  void writeBehindFlushReturnsOnlyOnceDownstreamHasEverything() throws IOException {
    AtomicInteger flushedAt = new AtomicInteger(-1);
    ByteArrayOutputStream sink = new ByteArrayOutputStream() {
      @Override
      public void flush() {
        flushedAt.set(size());
      }
    };
    try (OutputStream out = new WriteBehindOutputStream(sink, "test-write")) {
      out.write(DATA, 0, 100_000);
      out.flush();
      assertThat(flushedAt).hasValue(100_000);
      assertThat(sink.size()).isEqualTo(100_000);
    }
  }

  @Test
  void writeBehindThrowsDownstreamFailureToTheWriterWithTheOriginalAsCause() {
    IOException full = new IOException("No space left on device");
    OutputStream failing = new OutputStream() {
      private long written;

      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        written += len;
        if (written > 300_000) {
          throw full;
        }
      }
    };
    WriteBehindOutputStream out = new WriteBehindOutputStream(failing, "test-write");
    // The writer never blocks on a failed worker: far more than the queue holds is refused, not stuck.
    assertThatThrownBy(() -> {
      for (int i = 0; i < 1000; i++) {
        out.write(DATA, 0, 100_000);
      }
    }).isInstanceOf(IOException.class).hasMessage("No space left on device").hasCause(full);
    assertThatThrownBy(out::close).hasCause(full);
  }

  @Test
  void writeBehindCloseIsIdempotentAndRefusesLaterWrites() throws IOException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    OutputStream out = new WriteBehindOutputStream(sink, "test-write");
    out.write(DATA, 0, 10);
    out.close();
    out.close();
    assertThat(sink.size()).isEqualTo(10);
    assertThatThrownBy(() -> out.write(1)).isInstanceOf(IOException.class).hasMessage("stream closed");
  }

  @Test
  void readAheadHandsOverEveryByteInOrderThenTheEndAgainAndAgain() throws IOException {
    Random sizes = new Random(11);
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    try (InputStream in = new ReadAheadInputStream(new ByteArrayInputStream(DATA), "test-read")) {
      byte[] buffer = new byte[200_000];
      int n;
      while ((n = in.read(buffer, 0, 1 + sizes.nextInt(buffer.length - 1))) >= 0) {
        read.write(buffer, 0, n);
      }
      assertThat(in.read()).isEqualTo(-1);
      assertThat(in.read(buffer)).isEqualTo(-1);
    }
    assertThat(read.toByteArray()).isEqualTo(DATA);
  }

  @Test
  void readAheadDeliversTheBytesBeforeAFailureThenThatVeryException() throws IOException {
    IOException damaged = new IOException("a payload chunk fails age authentication");
    int goodBytes = 3 * ChunkPipe.CHUNK + 1234;
    InputStream failing = new FilterInputStream(new ByteArrayInputStream(DATA)) {
      private int position;

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (position == goodBytes) {
          throw damaged;
        }
        int n = super.read(b, off, Math.min(len, goodBytes - position));
        position += Math.max(n, 0);
        return n;
      }
    };
    try (InputStream in = new ReadAheadInputStream(failing, "test-read")) {
      ByteArrayOutputStream read = new ByteArrayOutputStream();
      byte[] buffer = new byte[5000];
      IOException thrown = null;
      try {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          read.write(buffer, 0, n);
        }
      } catch (IOException e) {
        thrown = e;
      }
      assertThat(thrown).isSameAs(damaged);
      assertThat(read.toByteArray()).isEqualTo(Arrays.copyOf(DATA, goodBytes));
      assertThatThrownBy(in::read).isSameAs(damaged);
    }
  }

  @Test
  void readAheadCloseStopsAWorkerWaitingForRoomAndClosesUpstream() throws Exception {
    AtomicBoolean closed = new AtomicBoolean();
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        return 0;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        return len;
      }

      @Override
      public void close() {
        closed.set(true);
      }
    };
    ReadAheadInputStream in = new ReadAheadInputStream(endless, "test-read-full");
    assertThat(in.read()).isZero();
    assertThat(Await.until(Duration.ofSeconds(10), () -> waiting("test-read-full")))
        .as("the worker filled the pipe and waits for room").isTrue();
    in.close();
    assertThat(closed).isTrue();
    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("test-read-full") && t.isAlive());
    assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasMessage("stream closed");
  }

  /** The endless source never blocks, so a worker that waits at all waits for room in the pipe. */
  private static boolean waiting(String threadName) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals(threadName))
        .anyMatch(t -> t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING);
  }

  private static byte[] random(int size) {
    byte[] data = new byte[size];
    new Random(42).nextBytes(data);
    return data;
  }
}
