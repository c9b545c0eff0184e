package dev.swarmsnap.cli;

import dev.swarmsnap.durable.AtomicFileWriter;
import dev.swarmsnap.durable.DurableFiles;
import dev.swarmsnap.repository.BackupRepository;
import dev.swarmsnap.repository.LocalObjectStore;
import dev.swarmsnap.repository.ObjectStore;
import dev.swarmsnap.repository.RepositoryLocation;
import dev.swarmsnap.repository.S3Settings;
import dev.swarmsnap.repository.s3.S3ObjectStore;
import java.time.Clock;

/**
 * Opens the {@link BackupRepository} a {@link RepositoryLocation} names, over the matching store.
 * Wiring, so it lives in the composition root: the repository layer knows no store adapter.
 */
public final class Repositories {
  private final S3Settings s3;
  private final Clock clock;
  private final String toolVersion;

  public Repositories(S3Settings s3, Clock clock, String toolVersion) {
    this.s3 = s3;
    this.clock = clock;
    this.toolVersion = toolVersion;
  }

  /** Opens the repository; nothing is read or written until a method of it is called. */
  public BackupRepository open(RepositoryLocation location) {
    ObjectStore store = location instanceof RepositoryLocation.S3 bucket
        ? S3ObjectStore.open(bucket, s3)
        : new LocalObjectStore(((RepositoryLocation.Local) location).directory(), new AtomicFileWriter(), new DurableFiles());
    return new BackupRepository(store, new AtomicFileWriter(), clock, toolVersion);
  }
}
