package dev.swarmsnap.crypto;

import java.security.Provider;
import java.util.List;
import java.util.Map;

/**
 * A JCE provider with one service, {@code Cipher.ChaCha20-Poly1305}, backed by {@link
 * ChaCha20Poly1305}. Not installed globally: it is handed to the one library that should use it
 * (jagged, for age payload chunks), so every other cipher in the process stays the JDK's.
 */
public final class ChaCha20Poly1305Provider extends Provider {
  private static final long serialVersionUID = 1L;

  public ChaCha20Poly1305Provider() {
    super("swarmsnap-chacha20poly1305", "1.0", "ChaCha20-Poly1305 (RFC 8439) on swarmsnap's own cores");
    putService(new Service(this, "Cipher", "ChaCha20-Poly1305", ChaCha20Poly1305CipherSpi.class.getName(),
        List.of(), Map.of()) {
      @Override
      public Object newInstance(Object constructorParameter) {
        return new ChaCha20Poly1305CipherSpi();
      }
    });
  }
}
