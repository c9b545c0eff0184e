package dev.swarmsnap.repository;

import dev.swarmsnap.error.ExitCode;

/** The repository's layout version is newer than this build reads or writes. */
public final class NewerLayoutException extends RepositoryException {
  private static final long serialVersionUID = 1L;

  NewerLayoutException(String repository, int version) {
    super(ExitCode.FAILED,
        "repository " + repository + " has layout version " + version
            + ", newer than this swarmsnap understands (" + RepositoryLayout.VERSION + ")",
        "upgrade swarmsnap to read it; this version will not write to it either");
  }
}
