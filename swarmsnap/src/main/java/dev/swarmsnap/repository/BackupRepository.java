package dev.swarmsnap.repository;

import dev.swarmsnap.durable.AtomicFileWriter;
import dev.swarmsnap.durable.PendingFile;
import dev.swarmsnap.error.ExitCode;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A swarmsnap repository on any {@link ObjectStore}: the versioned layout, the index records, and
 * the order of writes that keeps a backup invisible until it is complete (archive first, index
 * last) and of deletes that hide it before removing it (index first, archive last). Not
 * thread-safe; one command uses one instance.
 */
public final class BackupRepository implements AutoCloseable {
  private static final int MAX_SMALL_OBJECT = 1 << 20;

  private final ObjectStore store;
  private final RepositoryCodec codec;
  private final RepositoryLayout layout = new RepositoryLayout();
  private final AtomicFileWriter files;
  private final Clock clock;
  private final String toolVersion;

  public BackupRepository(ObjectStore store, AtomicFileWriter files, Clock clock, String toolVersion) {
    this.store = Objects.requireNonNull(store, "store");
    this.codec = new RepositoryCodec();
    this.files = Objects.requireNonNull(files, "files");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.toolVersion = Objects.requireNonNull(toolVersion, "toolVersion");
  }

  /** The repository for messages, as the user named it. */
  public String describe() {
    return store.describe();
  }

  /**
   * Reads and checks the config.
   *
   * @return empty when no repository exists here yet
   * @throws NewerLayoutException when its layout is newer than this build reads
   */
  public Optional<RepositoryConfig> config() {
    Optional<RepositoryConfig> config = store.read(RepositoryLayout.CONFIG, MAX_SMALL_OBJECT)
        .map(json -> codec.decode(json, RepositoryConfig.class, describe() + "/" + RepositoryLayout.CONFIG));
    config.ifPresent(c -> {
      if (c.layoutVersion() > RepositoryLayout.VERSION) {
        throw new NewerLayoutException(describe(), c.layoutVersion());
      }
    });
    return config;
  }

  /**
   * Every backup in the repository, in no particular order, from the index records alone.
   *
   * @throws RepositoryException with NOT_FOUND when there is no repository here
   */
  public List<BackupIndex> list() {
    requireExisting();
    List<BackupIndex> backups = new ArrayList<>();
    for (String key : store.list(RepositoryLayout.INDEX_DIR)) {
      Optional<String> id = layout.idOfIndex(key);
      if (id.isEmpty()) {
        continue;
      }
      Optional<byte[]> json = store.read(key, MAX_SMALL_OBJECT);
      if (json.isEmpty()) {
        continue; // removed by a concurrent prune since the listing
      }
      BackupIndex index = codec.decode(json.get(), BackupIndex.class, describe() + "/" + key);
      if (!index.id().equals(id.get())) {
        throw new RepositoryException(ExitCode.FAILED,
            describe() + "/" + key + " describes backup " + index.id() + ", not the one its name says",
            "the index record was renamed or damaged; remove it by hand");
      }
      backups.add(index);
    }
    return List.copyOf(backups);
  }

  /** Whether a backup with this ID is visible (its index record exists). */
  public boolean contains(String id) {
    return store.read(layout.index(id), MAX_SMALL_OBJECT).isPresent();
  }

  /**
   * Stores an archive and then its index record, creating the repository on first use. The backup
   * becomes visible only when the index record is written, so a failure at any point leaves no
   * partial backup in {@link #list()}. Storing a backup that is already there does nothing.
   *
   * @param archive the archive file, whose SHA-256 must be {@code index.sha256()}
   * @throws RepositoryException when the store fails or the file does not match the index
   */
  public void store(Path archive, BackupIndex index, TransferProgress progress) {
    if (config().isEmpty()) {
      store.write(RepositoryLayout.CONFIG, codec.encode(new RepositoryConfig(RepositoryLayout.VERSION, clock.instant(),
          "swarmsnap " + toolVersion)));
    }
    if (contains(index.id())) {
      return;
    }
    store.upload(layout.archive(index.id()), archive, index.sha256(), progress);
    store.write(layout.index(index.id()), codec.encode(index));
  }

  /**
   * Downloads a backup's archive to {@code target} (mode 0600, published atomically), checking its
   * SHA-256 against the index record; a mismatch leaves nothing at {@code target}.
   */
  public void fetch(BackupIndex index, Path target, TransferProgress progress) {
    try (PendingFile pending = files.create(target, AtomicFileWriter.OWNER_ONLY)) {
      MessageDigest digest = sha256();
      store.download(layout.archive(index.id()), new DigestingStream(pending, digest), progress);
      String actual = HexFormat.of().formatHex(digest.digest());
      if (!actual.equals(index.sha256())) {
        throw new RepositoryException(ExitCode.FAILED,
            "the archive of backup " + index.id().substring(0, 12) + " in " + describe()
                + " does not match its index record (SHA-256 " + actual.substring(0, 12) + "..., expected "
                + index.sha256().substring(0, 12) + "...)",
            "the stored archive is damaged; use another backup or a copy of this repository");
      }
      pending.commit();
    }
  }

  /**
   * Records the last drill of a stored backup: its index record is read again and rewritten whole
   * (atomically) with {@code drill}; the archive is untouched.
   *
   * @throws RepositoryException NOT_FOUND when the backup is no longer there (pruned meanwhile)
   */
  public BackupIndex recordDrill(String id, DrillRecord drill) {
    String key = layout.index(id);
    byte[] json = store.read(key, MAX_SMALL_OBJECT).orElseThrow(() -> new RepositoryException(ExitCode.NOT_FOUND,
        "backup " + id.substring(0, Math.min(12, id.length())) + " is no longer in " + describe()
            + ", so its drill result was not recorded",
        "it was removed meanwhile (prune?); drill another backup"));
    BackupIndex updated = codec.decode(json, BackupIndex.class, describe() + "/" + key).withDrill(drill);
    store.write(key, codec.encode(updated));
    return updated;
  }

  /** Removes a backup: its index record first, so it disappears at once, then its archive. */
  public void remove(BackupIndex index) {
    store.delete(layout.index(index.id()));
    store.delete(layout.archive(index.id()));
  }

  @Override
  public void close() {
    store.close();
  }

  private void requireExisting() {
    if (config().isEmpty()) {
      throw new RepositoryException(ExitCode.NOT_FOUND,
          "no swarmsnap repository at " + describe() + " (" + RepositoryLayout.CONFIG + " is missing)",
          "check --repo; a repository is created by the first 'swarmsnap backup --repo " + describe() + "'");
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Hashes what passes through on its way to the pending file. */
  private static final class DigestingStream extends FilterOutputStream {
    private final MessageDigest digest;

    DigestingStream(OutputStream out, MessageDigest digest) {
      super(out);
      this.digest = digest;
    }

    @Override
    public void write(int b) throws IOException {
      digest.update((byte) b);
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      digest.update(b, off, len);
      out.write(b, off, len);
    }

    @Override
    public void close() {
      // The pending file is committed or abandoned by its owner, never closed through this stream.
    }
  }
}
