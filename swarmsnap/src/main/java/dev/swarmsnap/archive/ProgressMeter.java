package dev.swarmsnap.archive;

/**
 * Adds up progress and passes it on to a {@link ProgressListener} about once per MiB. Synchronized:
 * a read-ahead worker may count while the reader finishes.
 */
final class ProgressMeter {
  private static final long STEP = 1 << 20;

  private final ProgressListener listener;
  private final long total;
  private long done;
  private long reported;

  ProgressMeter(ProgressListener listener, long total) {
    this.listener = listener;
    this.total = total;
  }

  synchronized void advance(long bytes) {
    done += bytes;
    if (done - reported >= STEP) {
      report();
    }
  }

  synchronized void finish() {
    report();
  }

  private void report() {
    reported = done;
    listener.progress(Math.min(done, total), total);
  }
}
