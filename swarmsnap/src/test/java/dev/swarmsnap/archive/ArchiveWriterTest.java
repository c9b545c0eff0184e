package dev.swarmsnap.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmsnap.archive.manifest.ManifestCodec;
import dev.swarmsnap.durable.AtomicFileWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveWriterTest {
  @TempDir Path dir;
  private SwarmTreeFixture tree;
  private Path out;
  private Path archive;

  @BeforeEach
  void fixture() throws IOException {
    tree = new SwarmTreeFixture(Files.createDirectory(dir.resolve("src")));
    out = Files.createDirectory(dir.resolve("out"));
    archive = out.resolve("b.swarmsnap");
  }

  private void write(List<ArchiveSource> sources) {
    new ArchiveWriter(new AtomicFileWriter(), new ManifestCodec(), CompressionSettings.defaults())
        .write(archive, tree.manifest(), sources, ProgressListener.NONE);
  }

  @Test
  void sourceChangedSinceItWasHashedFailsAndPublishesNothing() throws IOException {
    Files.writeString(tree.root.resolve("swarm/state.json"), "[{\"node_id\":\"n0d3\",\"addr\":\"192.0.2.9:2377\"}]");
    assertThatThrownBy(() -> write(tree.sources))
        .isInstanceOf(ArchiveSourceException.class)
        .hasMessageContaining("entry swarm/state.json")
        .hasMessageContaining("changed since the manifest was made");
    assertThat(listing()).isEmpty();
  }

  @Test
  void sourceShorterThanItsStoredLengthFails() throws IOException {
    Files.write(tree.root.resolve(SwarmTreeFixture.WAL), new byte[100]);
    assertThatThrownBy(() -> write(tree.sources))
        .isInstanceOf(ArchiveSourceException.class)
        .hasMessageContaining("ended after 100 of " + SwarmTreeFixture.WAL_DATA);
    assertThat(listing()).isEmpty();
  }

  @Test
  void sourceReplacedByASymlinkIsNotFollowed() throws IOException {
    Path state = tree.root.resolve("swarm/state.json");
    Path elsewhere = Files.writeString(dir.resolve("elsewhere"), "[{\"node_id\":\"n0d3\",\"addr\":\"192.0.2.2:2377\"}]");
    Files.delete(state);
    Files.createSymbolicLink(state, elsewhere);
    assertThatThrownBy(() -> write(tree.sources))
        .isInstanceOf(ArchiveSourceException.class)
        .hasMessageContaining("cannot be opened");
    assertThat(listing()).isEmpty();
  }

  @Test
  void everyManifestFileNeedsExactlyOneSource() {
    List<ArchiveSource> missingOne = new ArrayList<>(tree.sources);
    missingOne.remove(0);
    assertThatThrownBy(() -> write(missingOne)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no source");
    List<ArchiveSource> extra = new ArrayList<>(tree.sources);
    extra.add(new ArchiveSource("swarm/not-listed", tree.root.resolve("swarm/state.json")));
    assertThatThrownBy(() -> write(extra)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in the manifest");
    assertThat(listing()).isEmpty();
  }

  @Test
  void rewritingReplacesTheArchiveAtomically() {
    write(tree.sources);
    write(tree.sources);
    assertThat(listing()).containsExactly("b.swarmsnap");
  }

  private List<String> listing() {
    try (Stream<Path> files = Files.list(out)) {
      return files.map(p -> p.getFileName().toString()).toList();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
