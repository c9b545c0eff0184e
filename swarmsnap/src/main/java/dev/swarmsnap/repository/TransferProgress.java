package dev.swarmsnap.repository;

/** Bytes moved of a transfer's total, for a progress display. */
@FunctionalInterface
public interface TransferProgress {
  TransferProgress NONE = (done, total) -> {};

  void moved(long done, long total);
}
