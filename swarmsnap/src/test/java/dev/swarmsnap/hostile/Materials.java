package dev.swarmsnap.hostile;

import com.github.luben.zstd.ZstdInputStream;
import dev.swarmsnap.core.verify.RealState;
import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.crypto.age.AgeRecipients;
import dev.swarmsnap.testing.HostCommand;
import dev.swarmsnap.testing.TestArchives;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The good inputs every hostile case is derived from, made once per suite run: the real {@code
 * plain} and {@code locked} fixtures as directories and archives, an age-encrypted archive, and
 * the keys that open them.
 *
 * @param secretValue the value of the fixtures' secret {@code rdr_secret}; never printed
 * @param unlockKey the locked fixture's current unlock key; never printed
 * @param oldUnlockKey its key from before the rotation (opens nothing now)
 * @param ageSecret the identity file's {@code AGE-SECRET-KEY-1...} line; never printed
 */
record Materials(Path plainDir, Path lockedDir, Path plainArchive, Path lockedArchive, Path encryptedArchive,
    Path identity, Path otherIdentity, String secretValue, String unlockKey, String oldUnlockKey, String ageSecret,
    List<Entry> plainEntries) {

  /** One tar entry of the plain archive, as written. */
  record Entry(String name, boolean directory, byte[] content) {}

  static Materials make(Path base) throws Exception {
    Path plainDir = RealState.unpack("plain", base);
    Path lockedDir = RealState.unpack("locked", base);
    String key = Files.readString(RealState.resource("locked/unlock-key")).strip();
    String oldKey = Files.readString(RealState.resource("locked/unlock-key.old")).strip();
    Path plainArchive = TestArchives.write(plainDir, RealState.apiDocuments("plain"), Optional.empty(),
        base.resolve("plain.swarmsnap"));
    Path lockedArchive = TestArchives.write(lockedDir, RealState.apiDocuments("locked"),
        Optional.of(UnlockKey.parse(key).fingerprint()), base.resolve("locked.swarmsnap"));
    Path identity = base.resolve("identity.txt");
    Path otherIdentity = base.resolve("other-identity.txt");
    HostCommand.run("age-keygen", "-o", identity.toString());
    HostCommand.run("age-keygen", "-o", otherIdentity.toString());
    String recipient = HostCommand.run("age-keygen", "-y", identity.toString()).output().strip();
    String ageSecret = Files.readAllLines(identity).stream().filter(l -> l.startsWith("AGE-SECRET-KEY-")).findFirst()
        .orElseThrow();
    Path encrypted = TestArchives.write(plainDir, RealState.apiDocuments("plain"), Optional.empty(),
        base.resolve("plain.swarmsnap.age"), Optional.of(AgeRecipients.of(List.of(recipient), List.of())));
    return new Materials(plainDir, lockedDir, plainArchive, lockedArchive, encrypted, identity, otherIdentity,
        "s3cr3t-value", key, oldKey, ageSecret, entries(plainArchive));
  }

  /** The manifest, first of {@link #plainEntries}, as JSON text. */
  String plainManifest() {
    return new String(plainEntries.get(0).content(), StandardCharsets.UTF_8);
  }

  private static List<Entry> entries(Path archive) throws IOException {
    List<Entry> entries = new ArrayList<>();
    try (InputStream in = new TarArchiveInputStream(new ZstdInputStream(Files.newInputStream(archive)))) {
      TarArchiveInputStream tar = (TarArchiveInputStream) in;
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        entries.add(new Entry(e.getName(), e.isDirectory(), tar.readAllBytes()));
      }
    }
    return List.copyOf(entries);
  }
}
