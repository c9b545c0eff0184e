package dev.swarmsnap.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.swarmsnap.archive.ArchiveProblem.Kind;
import dev.swarmsnap.archive.manifest.FileMode;
import dev.swarmsnap.archive.manifest.Manifest;
import dev.swarmsnap.archive.manifest.ManifestCodec;
import dev.swarmsnap.archive.manifest.ManifestFile;
import dev.swarmsnap.archive.manifest.ManifestFixtures;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archives crafted by hand to break every rule. Each must be refused with the entry named, leave no
 * target directory behind, and write nothing anywhere else.
 */
@org.junit.jupiter.api.Timeout(120)
class HostileArchiveTest {
  private static final String CONTENT = "{\"LocalAddr\":\"192.0.2.2\"}";
  private static final ManifestFile STATE =
      ManifestFile.file("swarm/docker-state.json", FileMode.parse("0600"), 0, 0, CONTENT.length(), CONTENT.length(),
          SwarmTreeFixture.sha256(CONTENT.getBytes(StandardCharsets.UTF_8)));
  private static final Manifest MANIFEST =
      ManifestFixtures.manifest(List.of(ManifestFile.directory("swarm", FileMode.parse("0700"), 0, 0), STATE));

  @TempDir Path dir;
  private Path archive;
  private Path work;
  private Path target;

  @BeforeEach
  void paths() throws IOException {
    // The target lives two levels down so '../evil' and '../../evil' would land inside dir.
    work = Files.createDirectories(dir.resolve("a/b"));
    archive = dir.resolve("hostile.swarmsnap");
    target = work.resolve("restore");
  }

  private HostileArchive hostile() throws IOException {
    return new HostileArchive(archive).manifest(MANIFEST).directory("swarm");
  }

  @Test
  void parentTraversalIsRefused() throws IOException {
    try (HostileArchive a = hostile()) {
      a.file("swarm/../../evil", "x").file("swarm/docker-state.json", CONTENT);
    }
    assertRefused(UnsafeArchiveEntryException.class, "swarm/../../evil", "'..'");
    assertVerifyFinds(Kind.UNSAFE_ENTRY);
  }

  @Test
  void bareParentTraversalIsRefused() throws IOException {
    try (HostileArchive a = hostile()) {
      a.file("../evil", "x");
    }
    assertRefused(UnsafeArchiveEntryException.class, "../evil", "'..'");
  }

  @Test
  void absolutePathIsRefused() throws IOException {
    try (HostileArchive a = hostile()) {
      a.file("/tmp/swarmsnap-abs-evil", "x");
    }
    assertRefused(UnsafeArchiveEntryException.class, "/tmp/swarmsnap-abs-evil", "absolute path");
    assertThat(Path.of("/tmp/swarmsnap-abs-evil")).doesNotExist();
  }

  @Test
  void symlinkEntryIsRefused() throws IOException {
    try (HostileArchive a = hostile()) {
      a.link("swarm/docker-state.json", TarConstants.LF_SYMLINK, "/etc/passwd");
    }
    assertRefused(UnsafeArchiveEntryException.class, "swarm/docker-state.json", "symbolic link to '/etc/passwd'");
    assertVerifyFinds(Kind.UNSAFE_ENTRY);
  }

  @Test
  void hardLinkEntryIsRefused() throws IOException {
    try (HostileArchive a = hostile()) {
      a.link("swarm/docker-state.json", TarConstants.LF_LINK, "/etc/shadow");
    }
    assertRefused(UnsafeArchiveEntryException.class, "swarm/docker-state.json", "hard link");
  }

  @Test
  void deviceEntryIsRefused() throws IOException {
    try (HostileArchive a = hostile()) {
      TarArchiveEntry device = new TarArchiveEntry("swarm/docker-state.json", TarConstants.LF_CHR, true);
      device.setDevMajor(1);
      device.setDevMinor(3);
      a.special(device);
    }
    assertRefused(UnsafeArchiveEntryException.class, "swarm/docker-state.json", "character device");
  }

  @Test
  void fifoEntryIsRefused() throws IOException {
    try (HostileArchive a = hostile()) {
      a.special(new TarArchiveEntry("swarm/docker-state.json", TarConstants.LF_FIFO, true));
    }
    assertRefused(UnsafeArchiveEntryException.class, "swarm/docker-state.json", "fifo");
  }

  @Test
  void duplicateEntryIsRefused() throws IOException {
    try (HostileArchive a = hostile()) {
      a.file("swarm/docker-state.json", CONTENT).file("swarm/docker-state.json", CONTENT);
    }
    assertRefused(UnsafeArchiveEntryException.class, "swarm/docker-state.json", "more than once");
    assertVerifyFinds(Kind.DUPLICATE_ENTRY);
  }

  @Test
  void entryLargerThanItsManifestLengthIsRefused() throws IOException {
    try (HostileArchive a = hostile()) {
      a.file("swarm/docker-state.json", CONTENT + " ".repeat(100_000));
    }
    assertRefused(UnsafeArchiveEntryException.class, "swarm/docker-state.json", "larger than the 25 bytes");
    assertVerifyFinds(Kind.OVERSIZED_ENTRY);
  }

  /** A small archive of zeros whose manifest honestly lists more state than the cap: refused up front. */
  @Test
  void stateOverTheTotalCapIsRefusedBeforeAnythingIsWritten() throws IOException {
    byte[] zeros = new byte[16 << 20];
    ManifestFile big = ManifestFile.file("swarm/big", FileMode.parse("0600"), 0, 0, zeros.length, zeros.length,
        SwarmTreeFixture.sha256(zeros));
    Manifest manifest = ManifestFixtures.manifest(List.of(ManifestFile.directory("swarm", FileMode.parse("0700"), 0, 0), big));
    try (HostileArchive a = new HostileArchive(archive).manifest(manifest).directory("swarm")) {
      a.file("swarm/big", zeros);
    }
    assertThat(Files.size(archive)).isLessThan(1 << 20);
    SafeExtractor capped = new SafeExtractor(new ManifestCodec(), ExtractionLimits.defaults().withMaxStateBytes(8 << 20));
    assertThatThrownBy(() -> capped.extract(archive, target, ProgressListener.NONE))
        .isInstanceOf(ExtractionLimitException.class)
        .hasMessageContaining("would restore 16 MiB of swarm state, over the cap of 8 MiB")
        .extracting(e -> ((SwarmsnapException) e).exitCode()).isEqualTo(ExitCode.UNSAFE);
    assertThat(target).doesNotExist();
    assertNothingElseWritten();
    assertThat(((SwarmsnapException) org.assertj.core.api.Assertions.catchThrowable(
        () -> capped.extract(archive, target, ProgressListener.NONE))).hint()).hasValueSatisfying(
            h -> assertThat(h).contains("--max-state-size"));
    extractor().extract(archive, target, ProgressListener.NONE);
    assertThat(target.resolve("swarm/big")).hasSize(zeros.length);
  }

  @Test
  void manifestLengthOverTheCapIsRefusedBeforeAnythingIsWritten() throws IOException {
    ManifestFile huge = ManifestFile.file("swarm/huge", FileMode.parse("0600"), 0, 0, 17L << 30, 0,
        SwarmTreeFixture.sha256(new byte[0]));
    try (HostileArchive a = new HostileArchive(archive)) {
      a.manifest(ManifestFixtures.manifest(List.of(huge))).file("swarm/huge", new byte[0]);
    }
    assertRefused(UnsafeArchiveEntryException.class, "swarm/huge", "over the cap of 17179869184 bytes");
  }

  @Test
  void entryNotInTheManifestIsRefused() throws IOException {
    try (HostileArchive a = hostile()) {
      a.file("swarm/docker-state.json", CONTENT).file("swarm/extra.json", "{}");
    }
    assertRefused(UnsafeArchiveEntryException.class, "swarm/extra.json", "not listed in the manifest");
    assertVerifyFinds(Kind.UNEXPECTED_ENTRY);
  }

  @Test
  void missingEntryIsRefused() throws IOException {
    try (HostileArchive a = hostile()) {
      a.file("swarm/unrelated-but-listed-nowhere.txt", "x");
    }
    assertRefused(UnsafeArchiveEntryException.class, "swarm/unrelated-but-listed-nowhere.txt", "not listed");
    Files.delete(archive);
    hostile().close(); // nothing but the directory: the listed file is missing
    assertRefused(CorruptArchiveException.class, "swarm/docker-state.json", "lacks 1 entries");
    assertVerifyFinds(Kind.MISSING_ENTRY);
  }

  @Test
  void hashMismatchIsRefused() throws IOException {
    try (HostileArchive a = hostile()) {
      a.file("swarm/docker-state.json", CONTENT.replace('1', '9'));
    }
    assertRefused(CorruptArchiveException.class, "swarm/docker-state.json", "SHA-256");
    assertVerifyFinds(Kind.HASH_MISMATCH);
  }

  @Test
  void fileWhereTheManifestHasADirectoryIsRefused() throws IOException {
    try (HostileArchive a = new HostileArchive(archive).manifest(MANIFEST)) {
      a.file("swarm", "").file("swarm/docker-state.json", CONTENT);
    }
    assertRefused(CorruptArchiveException.class, "swarm", "manifest lists a directory");
  }

  @Test
  void firstEntryOtherThanTheManifestIsADamagedArchive() throws IOException {
    try (HostileArchive a = new HostileArchive(archive)) {
      a.file("swarm/docker-state.json", CONTENT).manifest(MANIFEST);
    }
    assertRefused(CorruptArchiveException.class, "is damaged", "first entry is 'swarm/docker-state.json'");
    assertThatThrownBy(() -> new ArchiveReader(new ManifestCodec()).readManifest(archive))
        .isInstanceOf(CorruptArchiveException.class)
        .extracting(e -> ((SwarmsnapException) e).exitCode()).isEqualTo(ExitCode.VERIFY_FAILED);
  }

  @Test
  void manifestNamedEntryThatIsNoFileIsADamagedArchive() throws IOException {
    try (HostileArchive a = new HostileArchive(archive)) {
      a.directory("manifest.json");
    }
    assertRefused(CorruptArchiveException.class, "first entry is 'manifest.json/'", "of type directory");
  }

  @Test
  void plainFileIsNotASwarmsnapArchive() throws IOException {
    Files.writeString(archive, "just text, no zstd here");
    assertRefused(NotASwarmsnapArchiveException.class, "not a swarmsnap archive", "not zstd-compressed");
  }

  @Test
  void newerFormatIsRefusedClearly() throws IOException {
    try (HostileArchive a = new HostileArchive(archive)) {
      a.file("manifest.json", "{\"format_version\": 2, \"files\": \"changed\"}");
    }
    assertRefused(SwarmsnapException.class,
        "archive format 2 is newer than this swarmsnap understands (1); upgrade swarmsnap", "upgrade swarmsnap");
    assertThatThrownBy(() -> new ArchiveReader(new ManifestCodec()).verify(archive, ProgressListener.NONE))
        .hasMessage("archive format 2 is newer than this swarmsnap understands (1); upgrade swarmsnap");
  }

  @Test
  void unlistedHugeEntryStopsVerificationAtTheDecompressionBudget() throws IOException {
    try (HostileArchive a = hostile()) {
      a.file("swarm/docker-state.json", CONTENT).file("swarm/bomb", new byte[40 << 20]);
    }
    assertRefused(UnsafeArchiveEntryException.class, "swarm/bomb", "not listed in the manifest");
    ArchiveReport report = new ArchiveReader(new ManifestCodec()).verify(archive, ProgressListener.NONE);
    assertThat(report.problems()).extracting(ArchiveProblem::kind).containsExactly(Kind.UNEXPECTED_ENTRY, Kind.CORRUPT);
    assertThat(report.problems().get(1).detail()).contains("holds more data than its manifest declares");
  }

  @Test
  void hugeLongNameHeaderIsNeverBuffered() throws IOException {
    // GNU long-name entries are read into memory by the tar reader; the per-header window stops
    // this one (4 MiB of name) before it is buffered.
    byte[] name = ("swarm/" + "x".repeat(4 << 20)).getBytes(StandardCharsets.UTF_8);
    try (HostileArchive a = new HostileArchive(archive)) {
      TarArchiveEntry longName = new TarArchiveEntry("././@LongLink", TarConstants.LF_GNUTYPE_LONGNAME, true);
      a.manifest(MANIFEST).entry(longName, name).file("swarm/short", "x");
    }
    assertRefused(CorruptArchiveException.class, "holds more data than its manifest declares");
  }

  @Test
  void recordedOwnersAreRestoredWhenRunningAsRoot() throws IOException {
    ManifestFile owned = new ManifestFile(STATE.path(), STATE.kind(), STATE.mode(), 1234, 5678,
        STATE.originalLength(), STATE.storedLength(), STATE.sha256());
    try (HostileArchive a = new HostileArchive(archive)) {
      a.manifest(ManifestFixtures.manifest(List.of(owned))).file(STATE.path(), CONTENT);
    }
    ExtractionResult result = extractor().extract(archive, target, ProgressListener.NONE);
    Path restored = target.resolve(STATE.path());
    boolean root = result.ownersRestored();
    assumeTrue(root, "not running as root: owners cannot be restored");
    assertThat(Files.getAttribute(restored, "unix:uid")).isEqualTo(1234);
    assertThat(Files.getAttribute(restored, "unix:gid")).isEqualTo(5678);
  }

  @Test
  void existingTargetIsNeverWrittenInto() throws IOException {
    try (HostileArchive a = hostile()) {
      a.file("swarm/docker-state.json", CONTENT);
    }
    Files.createDirectory(target);
    Files.writeString(target.resolve("keep"), "mine");
    assertThatThrownBy(() -> extractor().extract(archive, target, ProgressListener.NONE))
        .isInstanceOf(ExtractionTargetException.class)
        .hasMessageContaining("already exists")
        .extracting(e -> ((SwarmsnapException) e).exitCode()).isEqualTo(ExitCode.CONFLICT);
    assertThat(target.resolve("keep")).hasContent("mine");
  }

  @Test
  void aGoodHandmadeArchiveExtracts() throws IOException {
    try (HostileArchive a = hostile()) {
      a.file("swarm/docker-state.json", CONTENT);
    }
    extractor().extract(archive, target, ProgressListener.NONE);
    assertThat(target.resolve("swarm/docker-state.json")).hasContent(CONTENT);
  }

  private SafeExtractor extractor() {
    return new SafeExtractor(new ManifestCodec(), ExtractionLimits.defaults());
  }

  private AbstractThrowableAssert<?, ?> assertRefused(Class<? extends SwarmsnapException> type, String... fragments) {
    AbstractThrowableAssert<?, ?> refusal =
        assertThatThrownBy(() -> extractor().extract(archive, target, ProgressListener.NONE)).isInstanceOf(type);
    for (String fragment : fragments) {
      refusal.hasMessageContaining(fragment);
    }
    assertThat(target).doesNotExist();
    assertNothingElseWritten();
    return refusal;
  }

  private void assertVerifyFinds(Kind kind) {
    ArchiveReport report = new ArchiveReader(new ManifestCodec()).verify(archive, ProgressListener.NONE);
    assertThat(report.intact()).isFalse();
    assertThat(report.problems()).extracting(ArchiveProblem::kind).contains(kind);
  }

  private void assertNothingElseWritten() {
    try (Stream<Path> all = Files.walk(dir)) {
      assertThat(all.map(p -> dir.relativize(p).toString()))
          .containsExactlyInAnyOrder("", "a", "a/b", "hostile.swarmsnap");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
