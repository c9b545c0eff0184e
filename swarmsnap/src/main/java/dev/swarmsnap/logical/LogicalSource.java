package dev.swarmsnap.logical;

/**
 * Something that yields a logical document: an archive, a swarm directory, an export document file
 * or a live engine. {@code export}, {@code diff} and {@code apply} take any of them alike.
 */
public interface LogicalSource {

  /**
   * Reads the objects.
   *
   * @throws dev.swarmsnap.error.SwarmsnapException with the exit code of what went wrong
   */
  ExportDocument read();

  /** A short description for messages, e.g. {@code archive backup-....tar.zst} or {@code live engine}. */
  String describe();
}
