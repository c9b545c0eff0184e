package dev.swarmsnap.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Which backend is chosen, and how libsodium is found. */
@Timeout(60)
class CryptoBackendTest {
  @TempDir Path tmp;

  @Test
  void libsodiumIsChosenWhereItLoads() {
    CryptoBackend backend = CryptoBackend.select(new Properties());
    assertThat(backend.isLibsodium()).as(backend.toString()).isTrue();
    assertThat(backend.toString()).startsWith("libsodium 1.");
  }

  @Test
  void thePropertyForcesPureJavaAndTheLineSaysSo() {
    Properties properties = new Properties();
    properties.setProperty(CryptoBackend.FALLBACK_PROPERTY, "true");
    CryptoBackend backend = CryptoBackend.select(properties);
    assertThat(backend.isLibsodium()).isFalse();
    assertThat(backend.toString()).startsWith("pure Java").contains("swarmsnap.crypto.fallback=true");
    assertThat(backend.payloadCiphers().getName()).isEqualTo("SunJCE");
    properties.setProperty(CryptoBackend.FALLBACK_PROPERTY, "false");
    assertThat(CryptoBackend.select(properties).isLibsodium()).isTrue();
  }

  @Test
  void theBundledLibraryLoadsFromAPrivateFileThatIsGoneAfterwards() throws IOException {
    NativeSodium bundled = new NativeSodiumLoader("sodium").bundled(tmp);
    assertThat(bundled.version()).startsWith("1.");
    assertThat(bundled.origin()).startsWith("bundled with lazysodium-java");
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left).isEmpty();
    }
    byte[] key = new byte[32];
    byte[] nonce = new byte[24];
    byte[] plain = "it works".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] sealed = new SecretBox(CryptoBackend.libsodium(bundled)).seal(key, nonce, plain);
    assertThat(sealed).isEqualTo(new SecretBox(EachCryptoBackend.pureJava()).seal(key, nonce, plain));
  }

  @Test
  void aTempDirThatCannotHoldTheLibraryIsAnError() {
    assertThatThrownBy(() -> new NativeSodiumLoader("sodium").bundled(tmp.resolve("missing")))
        .isInstanceOf(IOException.class);
  }

  @Test
  void whenNeitherLibraryLoadsTheReasonIsOneLineNamingBoth() {
    NativeSodiumLoader.Load load = new NativeSodiumLoader("swarmsnap-no-such-library").load(tmp.resolve("missing"));
    assertThat(load.sodium()).isEmpty();
    assertThat(load.whyNot()).doesNotContain("\n")
        .startsWith("no system libsodium (").contains("swarmsnap-no-such-library")
        .contains("; the bundled one did not load (").contains("missing");
  }
}
