package dev.swarmsnap.archive;

/**
 * zstd settings for writing. Level 3 is zstd's default: swarm state is small once WAL tails are
 * cut, so higher levels buy little. {@code workers > 0} compresses on that many threads; the
 * output is still one standard zstd frame.
 *
 * <p>The default compresses on the writing thread: swarmkit encrypts every raft entry and
 * snapshot, so nearly all of an archive is incompressible, and zstd's worker threads only added
 * copying (100 MB of real state on 2 cores: writing took 0.44-0.49 s with 2 workers, 0.38-0.40 s
 * with none; 0.76-0.80 s and 0.57-0.62 s when encrypted, where the threads also competed with age).
 */
public record CompressionSettings(int level, int workers) {
  public CompressionSettings {
    if (level < 1 || level > 19) {
      throw new IllegalArgumentException("zstd level must be within 1..19, was " + level);
    }
    if (workers < 0 || workers > 64) {
      throw new IllegalArgumentException("zstd workers must be within 0..64, was " + workers);
    }
  }

  public static CompressionSettings defaults() {
    return new CompressionSettings(3, 0);
  }
}
