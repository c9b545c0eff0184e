package dev.swarmsnap.crypto;

import java.security.Provider;
import java.security.Security;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Which library does the bulk cryptography: libsodium (through lazysodium-java) where it loads, as
 * it seals and opens 2-3 times as fast as the alternatives; else pure Java, BouncyCastle's XSalsa20
 * and Poly1305 for secretbox and the JDK's ChaCha20-Poly1305 for age payloads. Both give the same
 * bytes. {@value #FALLBACK_PROPERTY}{@code =true} forces pure Java (the tests run each backend).
 */
public final class CryptoBackend {
  /** The system property that forces the pure-Java backend when {@code true}. */
  public static final String FALLBACK_PROPERTY = "swarmsnap.crypto.fallback";

  private final String description;
  private final SecretBoxCipher secretBox;
  private final Provider payloadCiphers;
  private final boolean libsodium;

  private CryptoBackend(String description, SecretBoxCipher secretBox, Provider payloadCiphers, boolean libsodium) {
    this.description = description;
    this.secretBox = secretBox;
    this.payloadCiphers = Objects.requireNonNull(payloadCiphers, "the JDK's SunJCE provider");
    this.libsodium = libsodium;
  }

  /**
   * libsodium's backend, made once: JNA registers lazysodium's native methods for the whole
   * process, so the library is loaded at most once (on first use, as that takes a moment).
   */
  private static final class Libsodium {
    static final NativeSodiumLoader.Load LOAD = NativeSodiumLoader.forProcess();
    static final Optional<CryptoBackend> BACKEND = LOAD.sodium().map(CryptoBackend::libsodium);
  }

  /** The backend for this process's system properties. */
  public static CryptoBackend forProcess() {
    return select(System.getProperties());
  }

  /** libsodium unless {@code properties} force the fallback or it does not load. */
  public static CryptoBackend select(Properties properties) {
    if (Boolean.parseBoolean(properties.getProperty(FALLBACK_PROPERTY))) {
      return pureJava(FALLBACK_PROPERTY + "=true");
    }
    return Libsodium.BACKEND.orElseGet(() -> pureJava("libsodium did not load: " + Libsodium.LOAD.whyNot()));
  }

  static CryptoBackend libsodium(NativeSodium sodium) {
    return new CryptoBackend("libsodium " + sodium.version() + " (" + sodium.origin() + ")",
        new SodiumSecretBox(sodium.sodium()), new ChaCha20Poly1305Provider(sodium.sodium()), true);
  }

  private static CryptoBackend pureJava(String why) {
    return new CryptoBackend("pure Java: BouncyCastle XSalsa20-Poly1305 and the JDK's ChaCha20-Poly1305 (" + why + ")",
        new BouncyCastleSecretBox(), Security.getProvider("SunJCE"), false);
  }

  /** Whether this is libsodium. */
  public boolean isLibsodium() {
    return libsodium;
  }

  /**
   * The JCE provider of age's payload cipher, ChaCha20-Poly1305: handed to jagged, never installed
   * globally, so every other cipher in the process stays the JDK's.
   */
  public Provider payloadCiphers() {
    return payloadCiphers;
  }

  SecretBoxCipher secretBox() {
    return secretBox;
  }

  /** One line for {@code --debug}: the library and where it came from, or why not libsodium. */
  @Override
  public String toString() {
    return description;
  }
}
