package dev.swarmsnap.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArchiveNameTest {
  private static final Instant AT = Instant.parse("2025-03-04T05:06:07.891Z");

  @Test
  void nameHasClusterPrefixHostAndUtcSecond() {
    ArchiveName name = ArchiveName.of("c1u5t3r1d00000000000000ab", "mgr-1.example", AT);
    assertThat(name.fileName()).isEqualTo("swarm-c1u5t3r1d000-mgr-1.example-20250304T050607Z.swarmsnap");
  }

  @Test
  void hostnameIsSanitised() {
    ArchiveName name = ArchiveName.of("abc", "bad host/../ñame", AT);
    assertThat(name.hostname()).isEqualTo("bad_host_..__ame");
    assertThat(ArchiveName.of("abc", "", AT).hostname()).isEqualTo("unknown");
    assertThat(ArchiveName.of("abc", "h".repeat(300), AT).hostname()).hasSize(63);
  }

  @Test
  void parseReadsBackWhatWasWritten() {
    ArchiveName name = ArchiveName.of("c1u5t3r1d00000000000000ab", "mgr-1-with-dashes", AT);
    assertThat(ArchiveName.parse(name.fileName())).contains(name);
    assertThat(name.encryptedFileName()).isEqualTo("swarm-c1u5t3r1d000-mgr-1-with-dashes-20250304T050607Z" + ArchiveName.ENCRYPTED_EXTENSION);
    assertThat(ArchiveName.parse(name.encryptedFileName())).contains(name);
    assertThat(name.createdAt()).isEqualTo(Instant.parse("2025-03-04T05:06:07Z"));
  }

  @Test
  void parseRejectsOtherNames() {
    assertThat(ArchiveName.parse("swarm-abc-host-20250304T050607Z.tar.zst")).isEmpty();
    assertThat(ArchiveName.parse("swarm-ABC-host-20250304T050607Z.swarmsnap")).isEmpty();
    assertThat(ArchiveName.parse("swarm-abc-host-20251304T050607Z.swarmsnap")).isEmpty();
    assertThat(ArchiveName.parse("swarm-abc-ho st-20250304T050607Z.swarmsnap")).isEmpty();
    assertThat(ArchiveName.parse(".swarm-abc-host-20250304T050607Z.swarmsnap.partial-1234")).isEmpty();
  }
}
