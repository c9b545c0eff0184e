package dev.swarmsnap.crypto.age;

import com.exceptionfactory.jagged.RecipientStanzaReader;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaReaderFactory;
import dev.swarmsnap.input.SmallFileReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * X25519 identities ({@code AGE-SECRET-KEY-1...}) that may open an encrypted archive. Held as
 * char arrays, never Strings, and wiped by {@link #close()}. Possibly empty: then nothing
 * encrypted can be opened. Not thread-safe with respect to {@link #close()}.
 */
public final class AgeIdentities implements AutoCloseable {
  private static final String X25519_PREFIX = "AGE-SECRET-KEY-1";
  private static final SmallFileReader FILES = new SmallFileReader(SmallFileReader.KEY_FILE_LIMIT,
      SmallFileReader.Links.FOLLOW, "give --identity a regular file as 'age-keygen -o FILE' writes it");

  private final List<char[]> identities;
  private final List<String> sources;

  private AgeIdentities(List<char[]> identities, List<String> sources) {
    this.identities = identities;
    this.sources = List.copyOf(sources);
  }

  public static AgeIdentities none() {
    return new AgeIdentities(new ArrayList<>(), List.of());
  }

  /**
   * Reads age identity files: one {@code AGE-SECRET-KEY-1...} per line, {@code #} comments and
   * blank lines ignored (what {@code age-keygen} writes).
   *
   * @throws AgeKeyException for a line that is no valid X25519 identity (the line's text is never
   *     repeated), or a file without any identity
   * @throws dev.swarmsnap.error.SwarmsnapException for a file that is missing, unreadable, not a
   *     regular file (a device, FIFO, directory) or over 1 MiB
   */
  public static AgeIdentities read(List<Path> files) throws AgeKeyException {
    List<char[]> identities = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    boolean done = false;
    try {
      for (Path file : files) {
        int found = 0;
        char[] text = readChars(file);
        try {
          int line = 1;
          int start = 0;
          for (int i = 0; i <= text.length; i++) {
            if (i == text.length || text[i] == '\n') {
              char[] entry = strip(text, start, i);
              if (entry.length > 0 && entry[0] != '#') {
                identities.add(checked(entry, "line " + line + " of " + file));
                sources.add(file + ":" + line);
                found++;
              } else {
                Arrays.fill(entry, '\0');
              }
              line++;
              start = i + 1;
            }
          }
        } finally {
          Arrays.fill(text, '\0');
        }
        if (found == 0) {
          throw new AgeKeyException("the identity file " + file + " holds no age identity (AGE-SECRET-KEY-1...)", null);
        }
      }
      done = true;
      return new AgeIdentities(identities, sources);
    } finally {
      if (!done) {
        identities.forEach(id -> Arrays.fill(id, '\0'));
      }
    }
  }

  /** Takes ownership of {@code identity} (already checked; wiped on close). */
  static AgeIdentities of(char[] identity, String source) {
    List<char[]> one = new ArrayList<>();
    one.add(identity);
    return new AgeIdentities(one, List.of(source));
  }

  public boolean isEmpty() {
    return identities.isEmpty();
  }

  public int size() {
    return identities.size();
  }

  /** Where each identity came from ({@code file:line}), for messages; never the key itself. */
  public List<String> sources() {
    return sources;
  }

  List<RecipientStanzaReader> readers() throws GeneralSecurityException {
    List<RecipientStanzaReader> readers = new ArrayList<>();
    for (char[] identity : identities) {
      readers.add(X25519RecipientStanzaReaderFactory.newRecipientStanzaReader(CharBuffer.wrap(identity)));
    }
    return readers;
  }

  @Override
  public void close() {
    identities.forEach(id -> Arrays.fill(id, '\0'));
  }

  private static char[] readChars(Path file) {
    byte[] bytes = FILES.read(file);
    try {
      CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
      char[] text = new char[chars.remaining()];
      chars.get(text);
      Arrays.fill(chars.array(), '\0');
      return text;
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  private static char[] strip(char[] text, int from, int to) {
    while (from < to && Character.isWhitespace(text[from])) {
      from++;
    }
    while (to > from && Character.isWhitespace(text[to - 1])) {
      to--;
    }
    return Arrays.copyOfRange(text, from, to);
  }

  private static boolean startsWithPrefix(char[] identity) {
    if (identity.length < X25519_PREFIX.length()) {
      return false;
    }
    for (int i = 0; i < X25519_PREFIX.length(); i++) {
      if (Character.toUpperCase(identity[i]) != X25519_PREFIX.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static char[] checked(char[] identity, String where) throws AgeKeyException {
    boolean ok = false;
    try {
      if (!startsWithPrefix(identity)) {
        throw new AgeKeyException(where + " is not an age X25519 identity (AGE-SECRET-KEY-1...)"
            + "; passphrase and SSH identities are not supported", null);
      }
      try {
        X25519RecipientStanzaReaderFactory.newRecipientStanzaReader(CharBuffer.wrap(identity));
      } catch (GeneralSecurityException | RuntimeException e) {
        // jagged's message may quote part of the key: do not pass it on.
        throw new AgeKeyException(where + " is not a valid age X25519 identity (bad encoding or checksum)", null);
      }
      ok = true;
      return identity;
    } finally {
      if (!ok) {
        Arrays.fill(identity, '\0');
      }
    }
  }
}
