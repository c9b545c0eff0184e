package dev.swarmsnap.crypto.age;

import com.exceptionfactory.jagged.x25519.X25519KeyPairGenerator;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Arrays;

/**
 * A fresh X25519 key pair that lives only in memory: backup encrypts to it as well so that it can
 * read its own archive back without the user's identity. Close it to wipe the private half.
 */
public final class AgeKeyPair implements AutoCloseable {
  private final String recipient;
  private final AgeIdentities identity;

  private AgeKeyPair(String recipient, AgeIdentities identity) {
    this.recipient = recipient;
    this.identity = identity;
  }

  public static AgeKeyPair generate() {
    KeyPair pair;
    try {
      pair = new X25519KeyPairGenerator().generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot generate X25519 keys: " + e.getMessage(), e);
    }
    // jagged encodes its keys as their age text: age1... and AGE-SECRET-KEY-1...
    String recipient = new String(pair.getPublic().getEncoded(), StandardCharsets.US_ASCII);
    byte[] secret = pair.getPrivate().getEncoded();
    char[] chars = new char[secret.length];
    for (int i = 0; i < secret.length; i++) {
      chars[i] = (char) (secret[i] & 0xff);
    }
    Arrays.fill(secret, (byte) 0);
    return new AgeKeyPair(recipient, AgeIdentities.of(chars, "a single-use key in memory"));
  }

  /** The public half, {@code age1...}. */
  public String recipient() {
    return recipient;
  }

  /** The private half; wiped when this pair is closed. */
  public AgeIdentities identity() {
    return identity;
  }

  @Override
  public void close() {
    identity.close();
  }
}
