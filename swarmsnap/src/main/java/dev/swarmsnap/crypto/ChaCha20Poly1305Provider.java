package dev.swarmsnap.crypto;

import com.goterl.lazysodium.Sodium;
import java.security.Provider;
import java.util.List;
import java.util.Map;

/**
 * A JCE provider with one service, {@code Cipher.ChaCha20-Poly1305}, backed by libsodium ({@link
 * SodiumChaCha20Poly1305Spi}). Not installed globally: it is handed to the one library that should
 * use it (jagged, for age payload chunks), so every other cipher in the process stays the JDK's.
 */
final class ChaCha20Poly1305Provider extends Provider {
  private static final long serialVersionUID = 1L;

  ChaCha20Poly1305Provider(Sodium sodium) {
    super("swarmsnap-libsodium", "1.0", "ChaCha20-Poly1305 (RFC 8439) through libsodium");
    putService(new Service(this, "Cipher", "ChaCha20-Poly1305", SodiumChaCha20Poly1305Spi.class.getName(),
        List.of(), Map.of()) {
      @Override
      public Object newInstance(Object constructorParameter) {
        return new SodiumChaCha20Poly1305Spi(sodium);
      }
    });
  }
}
