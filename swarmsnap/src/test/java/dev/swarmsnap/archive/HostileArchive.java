package dev.swarmsnap.archive;

import com.github.luben.zstd.ZstdOutputStream;
import dev.swarmsnap.archive.manifest.Manifest;
import dev.swarmsnap.archive.manifest.ManifestCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Crafts archives swarmsnap would never write, straight with commons-compress and zstd-jni. */
public final class HostileArchive implements AutoCloseable {
  private final TarArchiveOutputStream tar;

  public HostileArchive(Path file) throws IOException {
    OutputStream out = Files.newOutputStream(file);
    ZstdOutputStream zstd = new ZstdOutputStream(out, 3);
    zstd.setChecksum(true);
    tar = new TarArchiveOutputStream(zstd, "UTF-8");
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
  }

  public HostileArchive manifest(Manifest manifest) throws IOException {
    return file("manifest.json", new ManifestCodec().encode(manifest));
  }

  public HostileArchive file(String name, byte[] content) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name, true);
    entry.setSize(content.length);
    entry.setMode(0600);
    tar.putArchiveEntry(entry);
    tar.write(content);
    tar.closeArchiveEntry();
    return this;
  }

  /** Any header with any content, written as given. */
  public HostileArchive entry(TarArchiveEntry entry, byte[] content) throws IOException {
    entry.setSize(content.length);
    tar.putArchiveEntry(entry);
    tar.write(content);
    tar.closeArchiveEntry();
    return this;
  }

  public HostileArchive file(String name, String content) throws IOException {
    return file(name, content.getBytes(StandardCharsets.UTF_8));
  }

  public HostileArchive directory(String name) throws IOException {
    return special(new TarArchiveEntry(name.endsWith("/") ? name : name + "/", TarConstants.LF_DIR, true));
  }

  public HostileArchive link(String name, byte flag, String target) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name, flag, true);
    entry.setLinkName(target);
    return special(entry);
  }

  public HostileArchive special(TarArchiveEntry entry) throws IOException {
    tar.putArchiveEntry(entry);
    tar.closeArchiveEntry();
    return this;
  }

  @Override
  public void close() throws IOException {
    tar.close();
  }
}
