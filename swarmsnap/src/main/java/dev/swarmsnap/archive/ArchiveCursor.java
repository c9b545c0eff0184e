package dev.swarmsnap.archive;

import com.github.luben.zstd.ZstdIOException;
import com.github.luben.zstd.ZstdInputStream;
import dev.swarmsnap.archive.manifest.Manifest;
import dev.swarmsnap.archive.manifest.ManifestCodec;
import dev.swarmsnap.crypto.age.AgeIdentities;
import dev.swarmsnap.input.SmallFileReader;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads an archive as a stream: the manifest first, then one entry at a time. Every read failure
 * becomes a {@link TruncatedArchiveException} or {@link CorruptArchiveException} naming the entry
 * and the compressed offset. Makes no judgement on entries: that is {@link EntryRules}'s job. Not
 * thread-safe.
 */
final class ArchiveCursor implements Closeable {
  static final String MANIFEST_ENTRY = "manifest.json";
  static final int MAX_MANIFEST_BYTES = 16 << 20;

  /** Header bytes one entry may take (PAX records, long names, padding); real ones take < 10 KiB. */
  private static final long HEADER_WINDOW = 1 << 20;
  /** Header bytes budgeted per listed entry in the total cap, plus the tar trailer and padding. */
  private static final long HEADER_ALLOWANCE = 64 << 10;
  private static final long TRAILER_ALLOWANCE = 2 << 20;
  private static final byte[] ZSTD_MAGIC = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd};
  private static final int BUFFER = 1 << 16;
  /** Bytes of an age header looked at to tell its kind (the stanzas of a few recipients). */
  private static final int HEADER_PEEK = 1024;

  private final String label;
  private final long compressedSize;
  private final CountingInputStream compressed;
  private final DecompressionBudget budget;
  private final MarkingTarInputStream tar;
  private final ProgressMeter meter;
  private Manifest manifest;
  private long totalLimit;
  private String position = MANIFEST_ENTRY;
  private String lastEntry = MANIFEST_ENTRY;

  private ArchiveCursor(String label, long compressedSize, CountingInputStream file, InputStream zstdInput,
      ProgressMeter meter) throws IOException {
    this.label = label;
    this.compressedSize = compressedSize;
    this.meter = meter;
    this.compressed = file;
    ZstdInputStream zstd = new ZstdInputStream(zstdInput);
    this.totalLimit = MAX_MANIFEST_BYTES + HEADER_WINDOW;
    this.budget = new DecompressionBudget(new BufferedInputStream(zstd, BUFFER), totalLimit);
    this.tar = new MarkingTarInputStream(budget);
  }

  /** Opens a plain archive and reads its manifest; an encrypted one is refused with a clear error. */
  static ArchiveCursor open(Path archive, ManifestCodec codec, ProgressListener progress) {
    return open(archive, codec, progress, AgeIdentities.none());
  }

  /**
   * Opens {@code archive} and reads its manifest. An age-encrypted archive (docs/archive-format.md)
   * is decrypted on the fly with {@code identities}; every payload chunk is authenticated before
   * its bytes reach zstd, so a changed byte surfaces as {@link CorruptArchiveException} at the
   * latest when the reader gets to it.
   *
   * @throws NotASwarmsnapArchiveException if it is not zstd (inside its age encryption, if any)
   * @throws CorruptArchiveException if it is zstd but not a tar stream that starts with the
   *     manifest: a damaged archive
   * @throws EncryptedArchiveException if it is encrypted and no identity was given or none opens it
   * @throws dev.swarmsnap.archive.manifest.UnsupportedFormatVersionException for a newer format
   */
  static ArchiveCursor open(Path archive, ManifestCodec codec, ProgressListener progress, AgeIdentities identities) {
    requireRegularFile(archive);
    long size;
    InputStream file;
    try {
      size = Files.size(archive);
      file = Files.newInputStream(archive);
    } catch (IOException e) {
      throw new NotASwarmsnapArchiveException("cannot read " + archive + ": " + e.getMessage(), e);
    }
    return open(archive.toString(), size, file, codec, progress, identities);
  }

  /**
   * As {@link #open(Path, ManifestCodec, ProgressListener, AgeIdentities)}, for an archive that
   * arrives as a stream ({@code in}, closed with the cursor or on failure): the bytes of an archive
   * being written, checked as they go.
   *
   * @param label names the archive in messages
   * @param size its length if known, for progress and messages; else -1
   */
  static ArchiveCursor open(String label, long size, InputStream in, ManifestCodec codec, ProgressListener progress,
      AgeIdentities identities) {
    ProgressMeter meter = new ProgressMeter(progress, Math.max(size, 0));
    // Room to look at the age header (its stanzas) before deciding how to read on.
    BufferedInputStream peekable = new BufferedInputStream(in, BUFFER);
    CountingInputStream file = new CountingInputStream(peekable, meter);
    boolean opened = false;
    ArchiveCursor cursor = null;
    InputStream zstdInput = file;
    try {
      peekable.mark(HEADER_PEEK);
      byte[] head = peekable.readNBytes(HEADER_PEEK);
      peekable.reset();
      boolean encrypted = ArchiveEncryption.isEncrypted(head);
      if (encrypted && ArchiveEncryption.isPassphraseEncrypted(head)) {
        throw EncryptedArchiveException.passphrase(label);
      }
      if (encrypted && identities.isEmpty()) {
        throw EncryptedArchiveException.identityNeeded(label);
      }
      zstdInput = encrypted ? ArchiveEncryption.decrypt(label, file, identities) : file;
      byte[] magic = peek(zstdInput, label, file, size);
      if (!Arrays.equals(magic, ZSTD_MAGIC)) {
        throw new NotASwarmsnapArchiveException(
            label + " is not a swarmsnap archive: it is not zstd-compressed"
                + (encrypted ? " inside its age encryption" : ""), null);
      }
      cursor = new ArchiveCursor(label, size, file,
          new SequenceInputStream(new ByteArrayInputStream(magic), zstdInput), meter);
      cursor.readManifest(codec);
      opened = true;
      return cursor;
    } catch (IOException e) {
      throw new NotASwarmsnapArchiveException("cannot read " + label + ": " + e.getMessage(), e);
    } finally {
      if (!opened) {
        if (cursor != null) {
          cursor.close();
        }
        try {
          // Closes the file, and first stops the decrypting thread when there is one.
          zstdInput.close();
        } catch (IOException ignored) {
          // Only reading was done.
        }
      }
    }
  }

  /**
   * An archive is read as a file: a FIFO would block the open, a device never end.
   *
   * @throws dev.swarmsnap.error.BadInputException if {@code archive} is no regular file
   */
  static void requireRegularFile(Path archive) {
    SmallFileReader.requireRegular(archive, SmallFileReader.Links.FOLLOW,
        "give the archive file itself (swarmsnap does not read archives from a pipe or device)");
  }

  /** The first bytes of the (decrypted) stream: zstd's magic number in an archive. */
  private static byte[] peek(InputStream in, String label, CountingInputStream file, long size) {
    try {
      return in.readNBytes(ZSTD_MAGIC.length);
    } catch (IOException e) {
      RuntimeException decryption = ArchiveEncryption.translate(label, e, file.count(), size);
      if (decryption != null) {
        throw decryption;
      }
      throw new NotASwarmsnapArchiveException("cannot read " + label + ": " + e.getMessage(), e);
    }
  }

  Manifest manifest() {
    return manifest;
  }

  String label() {
    return label;
  }

  /**
   * Reads the first entry. The zstd magic was there, so whatever goes wrong from here on is a
   * damaged swarmsnap archive (exit 4, as for damage further on), not "not an archive".
   */
  private void readManifest(ManifestCodec codec) {
    TarArchiveEntry first;
    try {
      first = tar.getNextEntry();
    } catch (IOException e) {
      if (budget.exceeded() || isZstd(e) || e instanceof EOFException || ArchiveEncryption.isDecryptionFailure(e)) {
        throw translate(e);
      }
      throw new CorruptArchiveException(
          "archive " + label + " is damaged: the tar header of " + MANIFEST_ENTRY + " cannot be read", e);
    }
    if (first == null) {
      throw new CorruptArchiveException("archive " + label + " is damaged: its tar stream holds no entries", null);
    }
    RawEntry raw = RawEntry.of(first);
    if (!raw.name().equals(MANIFEST_ENTRY) || raw.type() != RawEntry.Type.FILE) {
      throw new CorruptArchiveException(
          "archive " + label + " is damaged (or no swarmsnap archive): its first entry is '" + raw.name() + "'"
              + (raw.type() == RawEntry.Type.FILE ? "" : " of type " + raw.type().name().toLowerCase(Locale.ROOT))
              + ", not the file " + MANIFEST_ENTRY,
          null);
    }
    if (raw.size() > MAX_MANIFEST_BYTES) {
      throw new CorruptArchiveException(
          "archive " + label + ": " + MANIFEST_ENTRY + " claims " + raw.size() + " bytes, over the "
              + MAX_MANIFEST_BYTES + "-byte limit for a manifest",
          null);
    }
    // Read into a growing buffer, never one sized by the header's length field.
    ByteArrayOutputStream json = new ByteArrayOutputStream(8192);
    byte[] buffer = new byte[8192];
    int n;
    while ((n = read(buffer)) >= 0) {
      json.write(buffer, 0, n);
    }
    if (json.size() != raw.size()) {
      throw new TruncatedArchiveException(truncatedMessage(), null);
    }
    manifest = codec.decode(json.toByteArray(), label);
    totalLimit =
        budget.position()
            + manifest.totalStoredBytes()
            + (manifest.files().size() + 1) * HEADER_ALLOWANCE
            + TRAILER_ALLOWANCE;
    budget.limitTo(totalLimit);
  }

  /**
   * Moves to the next entry, skipping what is left of the current one.
   *
   * @return empty at the tar end-of-archive marker
   */
  Optional<RawEntry> next() {
    skipRest();
    position = "after " + lastEntry;
    budget.limitTo(Math.min(totalLimit, budget.position() + HEADER_WINDOW));
    TarArchiveEntry entry;
    try {
      entry = tar.getNextEntry();
    } catch (IOException e) {
      throw translate(e);
    } finally {
      budget.limitTo(totalLimit);
    }
    if (entry == null) {
      position = "at the end";
      return Optional.empty();
    }
    RawEntry raw = RawEntry.of(entry);
    position = raw.name();
    lastEntry = raw.name();
    return Optional.of(raw);
  }

  /** Reads content of the current entry; -1 at its end. */
  int read(byte[] buffer) {
    return read(buffer, 0, buffer.length);
  }

  /** Reads up to {@code length} bytes of the current entry into {@code buffer} at {@code offset}. */
  int read(byte[] buffer, int offset, int length) {
    try {
      return tar.read(buffer, offset, length);
    } catch (IOException e) {
      throw translate(e);
    }
  }

  void skipRest() {
    byte[] buffer = new byte[BUFFER];
    while (read(buffer) >= 0) {
      // discard
    }
  }

  /**
   * After {@link #next()} returned empty: checks the tar end marker was there and reads the zstd
   * stream to its end, so its content checksum is verified and nothing hides after the tar.
   */
  void finish() {
    if (!tar.sawEndMarker()) {
      throw new TruncatedArchiveException(
          "archive " + label + " is truncated after entry " + lastEntry + ": the tar end-of-archive marker is missing",
          null);
    }
    if (tar.dataAfterEndMarker()) {
      throw dataAfterTheEnd();
    }
    byte[] buffer = new byte[BUFFER];
    try {
      int n;
      while ((n = budget.read(buffer, 0, buffer.length)) >= 0) {
        for (int i = 0; i < n; i++) {
          if (buffer[i] != 0) {
            throw dataAfterTheEnd();
          }
        }
      }
    } catch (IOException e) {
      throw translate(e);
    }
    meter.finish();
  }

  /** archive-format §2: nothing but zero bytes may follow the marker, in this frame or another. */
  private CorruptArchiveException dataAfterTheEnd() {
    return new CorruptArchiveException(
        "archive " + label + " has unexpected data after the end of its tar stream", null);
  }

  @Override
  public void close() {
    try {
      tar.close();
    } catch (IOException e) {
      // Only reading was done; nothing to lose by ignoring a close failure.
    }
  }

  private RuntimeException translate(IOException e) {
    RuntimeException decryption = ArchiveEncryption.translate(label, e, compressed.count(), compressedSize);
    if (decryption != null) {
      return decryption;
    }
    if (budget.exceeded()) {
      return new CorruptArchiveException(
          "archive " + label + " holds more data than its manifest declares (at entry " + position
              + "); refusing to decompress further",
          e);
    }
    String text = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    if (e instanceof EOFException || text.contains("truncated")) {
      return new TruncatedArchiveException(truncatedMessage(), e);
    }
    // The libraries' own text (zstd-jni, commons-compress) names their internals; --debug has it.
    String what = isZstd(e) ? "a zstd frame is damaged" : "the tar stream is damaged";
    return new CorruptArchiveException(
        "archive " + label + " is corrupt at entry " + position + " (near compressed byte "
            + compressed.count() + ofSize() + "): " + what,
        e);
  }

  private String truncatedMessage() {
    return "archive " + label + " is truncated at entry " + position + " (compressed byte "
        + compressed.count() + ofSize() + ")";
  }

  /** " of N" when the archive's length is known (a file), else nothing (a stream being written). */
  private String ofSize() {
    return compressedSize >= 0 ? " of " + compressedSize : "";
  }

  private static boolean isZstd(IOException e) {
    return e instanceof ZstdIOException;
  }

  /**
   * Notes whether the tar end-of-archive marker (a zero record) was read, and whether the record
   * after it, which the library reads and drops, was not zero. Blocks of one record, so the
   * library skips nothing after the marker: {@link #finish()} sees every byte that follows.
   */
  private static final class MarkingTarInputStream extends TarArchiveInputStream {
    private static final int RECORD = 512;
    private boolean sawEndMarker;
    private boolean dataAfterEndMarker;

    MarkingTarInputStream(InputStream in) {
      super(in, RECORD, RECORD, "UTF-8");
    }

    boolean sawEndMarker() {
      return sawEndMarker;
    }

    boolean dataAfterEndMarker() {
      return dataAfterEndMarker;
    }

    @Override
    protected boolean isEOFRecord(byte[] record) {
      boolean eof = super.isEOFRecord(record);
      if (sawEndMarker && !eof) {
        dataAfterEndMarker = true;
      }
      if (eof && record != null) {
        sawEndMarker = true;
      }
      return eof;
    }
  }
}
