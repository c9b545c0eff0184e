package dev.swarmsnap.swarmstate;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Runs {@code work} on a fixed pool of threads and hands each result to {@code sink} on the
 * submitting thread, in submission order: raft entries are decrypted in parallel but replayed in
 * log order. Memory stays bounded whatever the input: submit blocks (consuming finished results)
 * while {@code maxBytes} of input are in flight; one item is always allowed, however large.
 *
 * <p>A failure of {@code work} surfaces from {@link #submit} or {@link #finish} on the submitting
 * thread when its item's turn comes, exactly as if the work had run there: earlier items have
 * reached the sink, later ones never do. Single use; only the submitting thread may call it.
 */
final class InOrderWorkers<T, R> implements AutoCloseable {
  private record Pending<T, R>(T item, long bytes, Future<R> result) {}

  private final ExecutorService pool;
  private final Function<T, R> work;
  private final BiConsumer<T, R> sink;
  private final long maxBytes;
  private final int maxItems;
  private final Deque<Pending<T, R>> pending = new ArrayDeque<>();
  private long bytesInFlight;

  /**
   * @param threads worker threads (daemon threads, so a failure can never keep the JVM alive)
   * @param maxBytes input bytes in flight before {@link #submit} waits for the oldest result
   */
  InOrderWorkers(int threads, long maxBytes, Function<T, R> work, BiConsumer<T, R> sink) {
    this.work = work;
    this.sink = sink;
    this.maxBytes = maxBytes;
    this.maxItems = 4 * threads;
    AtomicInteger n = new AtomicInteger();
    ThreadFactory daemons = r -> {
      Thread t = new Thread(r, "swarmsnap-worker-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    this.pool = Executors.newFixedThreadPool(threads, daemons);
  }

  /** Queues {@code item} ({@code bytes} counts against the bound); may pass earlier results to the sink. */
  void submit(T item, long bytes) {
    while (!pending.isEmpty()
        && (pending.size() >= maxItems || bytesInFlight + bytes > maxBytes)) {
      consumeOldest();
    }
    pending.addLast(new Pending<>(item, bytes, pool.submit(() -> work.apply(item))));
    bytesInFlight += bytes;
    while (!pending.isEmpty() && pending.peekFirst().result().isDone()) {
      consumeOldest();
    }
  }

  /** Waits for every queued item and passes the rest of the results to the sink, in order. */
  void finish() {
    while (!pending.isEmpty()) {
      consumeOldest();
    }
  }

  /**
   * Stops the workers; queued items that have not reached the sink are dropped. Returns once no
   * worker runs any more (each finishes at most its current item; bounded wait), so the caller
   * may then wipe what the work used, such as keys.
   */
  @Override
  public void close() {
    pending.forEach(p -> p.result().cancel(true));
    pending.clear();
    pool.shutdownNow();
    try {
      pool.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void consumeOldest() {
    Pending<T, R> p = pending.pollFirst();
    bytesInFlight -= p.bytes();
    R result;
    try {
      result = p.result().get();
    } catch (ExecutionException e) {
      close();
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      close();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a worker", e);
    }
    try {
      sink.accept(p.item(), result);
    } catch (RuntimeException | Error e) {
      close();
      throw e;
    }
  }
}
