package dev.swarmsnap.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class MountTableTest {
  @Test
  void decodesTheOctalEscapesOfProcMounts() {
    assertThat(MountTable.unescape("/var/lib/a\\040b/c\\011d\\134e")).isEqualTo("/var/lib/a b/c\td\\e");
    assertThat(MountTable.unescape("/plain/path")).isEqualTo("/plain/path");
  }
}
