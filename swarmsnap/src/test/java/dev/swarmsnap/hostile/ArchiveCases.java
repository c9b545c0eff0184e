package dev.swarmsnap.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.luben.zstd.ZstdOutputStream;
import dev.swarmsnap.archive.HostileArchive;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import static dev.swarmsnap.hostile.HostileCorpus.*;
import static dev.swarmsnap.hostile.InputFiles.*;

/** Tar entries swarmsnap never writes, and damaged archive bytes. */
final class ArchiveCases {
  private final HostileCorpus corpus;
  private final Materials m;
  private final Random random;

  ArchiveCases(HostileCorpus corpus, Materials materials, Random random) {
    this.corpus = corpus;
    this.m = materials;
    this.random = random;
  }

  // ---- tar entries swarmsnap never writes --------------------------------------------------------

  void add() {
    entries();
    archiveBytes(45, 24);
  }

  private void entries() {
    String state = "swarm/docker-state.json";
    entryCase("symlink to /etc/passwd", a -> a.link(state, TarConstants.LF_SYMLINK, "/etc/passwd"), state);
    entryCase("hard link to /etc/shadow", a -> a.link(state, TarConstants.LF_LINK, "/etc/shadow"), state);
    entryCase("character device", a -> {
      TarArchiveEntry dev = new TarArchiveEntry(state, TarConstants.LF_CHR, true);
      dev.setDevMajor(1);
      dev.setDevMinor(3);
      a.special(dev);
    }, state);
    entryCase("block device", a -> {
      TarArchiveEntry dev = new TarArchiveEntry(state, TarConstants.LF_BLK, true);
      dev.setDevMajor(8);
      a.special(dev);
    }, state);
    entryCase("fifo", a -> a.special(new TarArchiveEntry(state, TarConstants.LF_FIFO, true)), state);
    entryCase("sparse entry", a -> a.entry(new TarArchiveEntry(state, TarConstants.LF_GNUTYPE_SPARSE, true),
        bytes("{}")), state);
    entryCase("unknown type", a -> a.entry(new TarArchiveEntry(state, (byte) 'Z', true), bytes("{}")), state);
    entryCase("dot-dot name", a -> a.file("swarm/../../escaped", "x"), null);
    entryCase("bare dot-dot name", a -> a.file("../escaped", "x"), null);
    entryCase("absolute name", a -> a.file("/tmp/swarmsnap-hostile-absolute", "x"), null);
    entryCase("duplicate entry", a -> a.file(state, content(state)), null);
    entryCase("unlisted entry", a -> a.file("swarm/extra", "x"), null);
    entryCase("unlisted entry holding the unlock key", a -> a.file("swarm/unlock-key", m.unlockKey()), null,
        m.unlockKey());
    entryCase("name with a newline", a -> a.file("swarm/evil\nswarmsnap: OK all checks passed", "x"), null);
    entryCase("name with ESC sequences", a -> a.file("swarm/\u001b[2J\u001b]0;owned\u0007", "x"), null);
    entryCase("name with a C1 CSI", a -> a.file("swarm/\u009b31mred", "x"), null);
    entryCase("name with DEL and BEL", a -> a.file("swarm/\u007f\u0007", "x"), null);
    entryCase("name with a bidi override", a -> a.file("swarm/\u202etxt.exe", "x"), null);
    entryCase("name 5000 characters", a -> a.file("swarm/" + "n".repeat(5000), "x"), null);
    entryCase("directory where a file is listed", a -> a.directory(state), state);
    entryCase("file where a directory is listed", a -> a.file("swarm/worker", "x"), "swarm/worker/");
    entryCase("oversized entry", a -> a.file(state, content(state) + " ".repeat(100)), state);
    entryCase("short entry", a -> a.file(state, content(state).substring(1)), state);
    entryCase("changed content", a -> a.file(state, content(state).replace('0', '1')), state);
    entryCase("missing entry", a -> { }, state);
    corpus.archiveCommands("entry 8 GiB bomb", this::bomb, DAMAGED);
    corpus.archiveCommands("entry manifest not first", dir -> {
      Path out = dir.resolve("a.swarmsnap");
      try (HostileArchive a = new HostileArchive(out)) {
        a.directory("swarm").file("manifest.json", m.plainEntries().get(0).content());
      }
      return out;
    }, VERIFY_FAILED);
    corpus.archiveCommands("entry no entries", dir -> {
      Path out = dir.resolve("a.swarmsnap");
      new HostileArchive(out).close();
      return out;
    }, VERIFY_FAILED);
  }

  /** Adds entries to an archive being written. */
  @FunctionalInterface
  private interface ArchiveEdit {
    void accept(HostileArchive archive) throws IOException;
  }

  /** The plain archive with {@code replaced} left out and {@code extra} written after its entries. */
  private void entryCase(String name, ArchiveEdit extra, String replaced, String... planted) {
    corpus.archiveCommands("entry " + name, dir -> {
      Path out = dir.resolve("a.swarmsnap");
      try (HostileArchive a = new HostileArchive(out)) {
        for (Materials.Entry e : m.plainEntries()) {
          if (!e.name().equals(replaced)) {
            write(a, e);
          }
        }
        extra.accept(a);
      }
      return out;
    }, VERIFY_FAILED, planted);
  }

  private String content(String name) {
    return m.plainEntries().stream().filter(e -> e.name().equals(name)).findFirst()
        .map(e -> new String(e.content(), StandardCharsets.UTF_8)).orElseThrow();
  }

  /**
   * An entry whose header claims 8 GiB, followed by 16 MiB of zeros and no end: a reader that
   * trusted the header would decompress 8 GiB (the file is ~1 kB).
   */
  private Path bomb(Path dir) throws IOException {
    Path out = dir.resolve("a.swarmsnap");
    try (OutputStream file = Files.newOutputStream(out)) {
      ZstdOutputStream zstd = new ZstdOutputStream(file, 3);
      TarArchiveOutputStream tar = new TarArchiveOutputStream(zstd, "UTF-8");
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      for (Materials.Entry e : m.plainEntries()) {
        TarArchiveEntry entry = new TarArchiveEntry(e.name(), true);
        if (!e.directory()) {
          entry.setSize(e.content().length);
        }
        tar.putArchiveEntry(entry);
        tar.write(e.content());
        tar.closeArchiveEntry();
      }
      TarArchiveEntry big = new TarArchiveEntry("swarm/bomb", true);
      big.setSize(8L << 30);
      tar.putArchiveEntry(big);
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 16; i++) {
        tar.write(zeros);
      }
      tar.flush();
      zstd.close(); // the tar entry stays unfinished, as an attacker would leave it
    }
    return out;
  }

  // ---- damaged bytes ------------------------------------------------------------------------------

  private void archiveBytes(int flips, int cuts) {
    byte[] good = read(m.plainArchive());
    for (int i = 0; i < flips; i++) {
      int at = random.nextInt(good.length);
      int bit = 1 << random.nextInt(8);
      byte[] bad = good.clone();
      bad[at] ^= (byte) bit;
      HostileCase.Input input = dir -> write(dir.resolve("a.swarmsnap"), bad);
      String name = "bytes flip at " + at + " bit " + bit;
      // verify every one; inspect and restore on a third each
      corpus.add("verify " + name, input, verify(), DAMAGED);
      if (i % 3 == 1) {
        corpus.add("inspect " + name, input, inspect(), DAMAGED);
      } else if (i % 3 == 2) {
        corpus.add("restore " + name, input, restore(), DAMAGED);
      }
    }
    for (int i = 0; i < cuts; i++) {
      int at = random.nextInt(good.length);
      byte[] cut = Arrays.copyOf(good, at);
      HostileCase.Input input = dir -> write(dir.resolve("a.swarmsnap"), cut);
      String name = "bytes cut at " + at;
      corpus.add("verify " + name, input, verify(), DAMAGED);
      if (i % 3 == 1) {
        corpus.add("inspect " + name, input, inspect(), DAMAGED);
      } else if (i % 3 == 2) {
        corpus.add("restore " + name, input, restore(), DAMAGED);
      }
    }
    byte[] noise = new byte[4096];
    random.nextBytes(noise);
    bytesCase("random bytes", noise, DAMAGED);
    bytesCase("empty file", new byte[0], DAMAGED);
    bytesCase("zeros", new byte[8192], DAMAGED);
    bytesCase("zstd magic only", new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd}, DAMAGED);
    bytesCase("gzip magic", new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0}, DAMAGED);
    bytesCase("age header only", bytes("age-encryption.org/v1\n"), Set.of(1, 2, 4));
    bytesCase("the unlock key", bytes(m.unlockKey() + "\n"), DAMAGED, m.unlockKey());
    bytesCase("zstd of random bytes", zstd(noise), DAMAGED);
    bytesCase("zstd of a tar of the unlock key", tarOf("manifest.json", bytes(m.unlockKey())), DAMAGED,
        m.unlockKey());
    byte[] trailing = concat(good, noise);
    corpus.archiveCommands("bytes random data after the zstd frame", dir -> write(dir.resolve("a.swarmsnap"), trailing),
        DAMAGED);
    corpus.archiveCommands("bytes a second zstd frame of garbage", dir -> write(dir.resolve("a.swarmsnap"),
        concat(good, zstd(noise))), DAMAGED);
  }

  private void bytesCase(String name, byte[] content, Set<Integer> codes, String... planted) {
    corpus.archiveCommands("bytes " + name, dir -> write(dir.resolve("a.swarmsnap"), content), codes, planted);
  }

}
