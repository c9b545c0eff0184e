package dev.swarmsnap.crypto;

import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/**
 * Both backends, chosen as the tool chooses them ({@link CryptoBackend#select}), for parameterised
 * tests: libsodium, which must load on a machine set up by scripts/setup.sh (else these tests fail
 * rather than test the fallback twice), and pure Java, forced by {@value
 * CryptoBackend#FALLBACK_PROPERTY}.
 */
public final class EachCryptoBackend {
  private EachCryptoBackend() {}

  /** For {@code @MethodSource("dev.swarmsnap.crypto.EachCryptoBackend#all")}. */
  public static Stream<Named<CryptoBackend>> all() {
    return Stream.of(Named.of("libsodium", libsodium()), Named.of("pure Java", pureJava()));
  }

  public static CryptoBackend libsodium() {
    CryptoBackend backend = CryptoBackend.select(new Properties());
    if (!backend.isLibsodium()) {
      throw new IllegalStateException("libsodium should load here (scripts/setup.sh), but: " + backend);
    }
    return backend;
  }

  public static CryptoBackend pureJava() {
    Properties properties = new Properties();
    properties.setProperty(CryptoBackend.FALLBACK_PROPERTY, "true");
    return CryptoBackend.select(properties);
  }
}
