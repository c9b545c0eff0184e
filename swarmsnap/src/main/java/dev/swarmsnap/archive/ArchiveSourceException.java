package dev.swarmsnap.archive;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;

/** A file to be archived is missing, shorter than the manifest says, or changed since its hash was taken. */
public final class ArchiveSourceException extends SwarmsnapException {
  private static final long serialVersionUID = 1L;

  public ArchiveSourceException(String message, Throwable cause) {
    super(ExitCode.FAILED, message, "the swarm directory changed during the backup; make sure the engine is stopped and run the backup again", cause);
  }
}
