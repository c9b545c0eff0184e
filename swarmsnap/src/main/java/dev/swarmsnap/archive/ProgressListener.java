package dev.swarmsnap.archive;

/**
 * Receives progress of a long archive operation, for the CLI to render. Called on the working
 * thread at most about once per MiB and once at the end; implementations must be quick.
 */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = (done, total) -> {};

  /**
   * @param bytesDone bytes processed so far
   * @param bytesTotal bytes to process in all; never less than {@code bytesDone}
   */
  void progress(long bytesDone, long bytesTotal);
}
