package dev.swarmsnap.archive;

/**
 * zstd settings for writing. Level 3 is zstd's default: swarm state is small once WAL tails are
 * cut, so higher levels buy little. {@code workers > 0} compresses on that many threads; the
 * output is still one standard zstd frame.
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
    return new CompressionSettings(3, Math.min(4, Runtime.getRuntime().availableProcessors()));
  }
}
