package dev.swarmsnap.core.inspect;

import dev.swarmsnap.archive.ArchiveReader;
import dev.swarmsnap.archive.manifest.Manifest;
import dev.swarmsnap.archive.manifest.ManifestFile;
import dev.swarmsnap.error.CorruptStateException;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.swarmstate.files.SwarmFiles;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The {@code swarm/} entries of a swarmsnap archive as {@link SwarmFiles}, read as a stream and
 * never extracted. Listing and sizes come from the manifest; each read is one pass over the
 * archive file that stops as soon as it has what it came for. Small files (certificates, keys,
 * snapshots) sort before the WAL, so their passes decompress only the front of the archive; the
 * WAL segments come last and in name order, which is the order {@link #readInOrder} needs. A
 * full read of the state is thus ~3 sequential passes over one file on disk, with memory bounded
 * by one WAL record. Every entry read to its end is checked against the manifest's SHA-256.
 */
final class ArchiveSwarmFiles implements SwarmFiles {
  private static final String ROOT = "swarm/";
  private final Path archive;
  private final Manifest manifest;
  private final ArchiveReader reader;

  ArchiveSwarmFiles(Path archive, Manifest manifest, ArchiveReader reader) {
    this.archive = archive;
    this.manifest = manifest;
    this.reader = reader;
  }

  @Override
  public String description() {
    return archive + "!/swarm";
  }

  @Override
  public Path location(String relative) {
    return Path.of(archive + "!/" + (relative.isEmpty() ? "swarm" : ROOT + relative));
  }

  @Override
  public boolean isFile(String relative) {
    return file(relative).isPresent();
  }

  @Override
  public List<String> fileNames(String relative) {
    String prefix = ROOT + relative + "/";
    return manifest.files().stream()
        .filter(f -> !f.isDirectory() && f.path().startsWith(prefix)
            && f.path().indexOf('/', prefix.length()) < 0)
        .map(f -> f.path().substring(prefix.length()))
        .sorted()
        .toList();
  }

  @Override
  public long size(String relative) {
    return require(relative).storedLength();
  }

  @Override
  public byte[] readSmall(String relative) {
    ManifestFile f = require(relative);
    if (f.storedLength() > SwarmFiles.sizeLimit(relative)) {
      throw new CorruptStateException(location(relative), 0,
          "at most " + SwarmFiles.sizeLimit(relative) + " bytes", f.storedLength() + " bytes in the manifest");
    }
    byte[][] content = new byte[1][];
    reader.read(archive, e -> e.path().equals(f.path()), (e, in) -> {
      content[0] = in.readNBytes((int) f.storedLength());
      in.transferTo(OutputStream.nullOutputStream()); // to its end: checks length and SHA-256
      return false;
    });
    if (content[0] == null) {
      throw missing(relative);
    }
    return content[0];
  }

  @Override
  public void readInOrder(List<String> relatives, FileReader fileReader) {
    if (relatives.isEmpty()) {
      return;
    }
    Set<String> wanted = new HashSet<>();
    relatives.forEach(r -> wanted.add(require(r).path()));
    int[] next = {0};
    try {
      reader.read(archive, e -> wanted.contains(e.path()), (e, in) -> {
        String expected = relatives.get(next[0]);
        if (!e.path().equals(ROOT + expected)) {
          // archive entries are sorted by path (archive-format §2); so are the requests
          throw new CorruptStateException(location(expected), 0,
              "entry " + ROOT + expected + " next in the archive", "entry " + e.path());
        }
        next[0]++;
        fileReader.read(expected, in, e.storedLength());
        in.transferTo(OutputStream.nullOutputStream());
        return next[0] < relatives.size();
      });
    } catch (UncheckedIOException e) {
      throw new SwarmsnapException(ExitCode.FAILED, "cannot read " + archive + ": "
          + e.getCause().getMessage(), "check the archive file", e);
    }
    if (next[0] < relatives.size()) {
      throw missing(relatives.get(next[0]));
    }
  }

  private Optional<ManifestFile> file(String relative) {
    return manifest.file(ROOT + relative).filter(f -> !f.isDirectory());
  }

  private ManifestFile require(String relative) {
    return file(relative).orElseThrow(() -> missing(relative));
  }

  private SwarmsnapException missing(String relative) {
    return new SwarmsnapException(ExitCode.NOT_FOUND,
        "archive " + archive + " holds no " + ROOT + relative,
        "the backup is incomplete; use another backup");
  }

  /**
   * The engine's API view at backup time, {@code api/<name>.json} by name (archive-format §2), in
   * one pass that stops before the {@code swarm/} entries.
   */
  SortedMap<String, byte[]> apiDocuments() {
    List<ManifestFile> docs = manifest.files().stream()
        .filter(f -> !f.isDirectory() && f.path().startsWith("api/") && f.path().endsWith(".json")
            && f.storedLength() <= SNAPSHOT_LIMIT)
        .toList();
    SortedMap<String, byte[]> out = new TreeMap<>();
    if (docs.isEmpty()) {
      return out;
    }
    reader.read(archive, docs::contains, (e, in) -> {
      byte[] bytes = in.readNBytes((int) e.storedLength());
      in.transferTo(OutputStream.nullOutputStream());
      out.put(e.path().substring("api/".length(), e.path().length() - ".json".length()), bytes);
      return out.size() < docs.size();
    });
    return out;
  }
}
