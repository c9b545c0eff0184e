package dev.swarmsnap.crypto.age;

import com.exceptionfactory.jagged.RecipientStanzaWriter;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaWriterFactory;
import dev.swarmsnap.input.SmallFileReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * The X25519 recipients ({@code age1...}) an archive is encrypted to, each checked when it is
 * added. Immutable; duplicates are dropped, order is kept.
 */
public final class AgeRecipients {
  private static final String X25519_PREFIX = "age1";
  private static final SmallFileReader FILES = new SmallFileReader(SmallFileReader.KEY_FILE_LIMIT,
      SmallFileReader.Links.FOLLOW, "give --recipients-file a regular file with one age1... recipient per line");

  private final List<String> recipients;

  private AgeRecipients(List<String> recipients) {
    this.recipients = List.copyOf(recipients);
    if (this.recipients.isEmpty()) {
      throw new IllegalArgumentException("at least one recipient is needed");
    }
  }

  /**
   * The recipients given one by one plus those of each recipients file.
   *
   * @param files in age's recipients-file format: one recipient per line, {@code #} comments and
   *     blank lines ignored
   * @throws AgeKeyException for a recipient that is not an X25519 {@code age1...} key (naming the
   *     file and line), or no recipient at all
   * @throws dev.swarmsnap.error.SwarmsnapException for a file that is missing, unreadable, not a
   *     regular file or over 1 MiB
   */
  public static AgeRecipients of(List<String> given, List<Path> files) throws AgeKeyException {
    LinkedHashSet<String> all = new LinkedHashSet<>();
    for (String recipient : given) {
      all.add(checked(recipient.strip(), "recipient '" + recipient.strip() + "'"));
    }
    for (Path file : files) {
      List<String> lines = new String(FILES.read(file), StandardCharsets.UTF_8).lines().toList();
      int found = 0;
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (!line.isEmpty() && !line.startsWith("#")) {
          all.add(checked(line, "line " + (i + 1) + " of " + file));
          found++;
        }
      }
      if (found == 0) {
        throw new AgeKeyException("the recipients file " + file + " holds no recipient", null);
      }
    }
    if (all.isEmpty()) {
      throw new AgeKeyException("no recipient given", null);
    }
    return new AgeRecipients(new ArrayList<>(all));
  }

  /** These recipients and one more (already checked, e.g. from {@link AgeKeyPair}). */
  public AgeRecipients plus(String recipient) {
    List<String> more = new ArrayList<>(recipients);
    if (!more.contains(recipient)) {
      more.add(recipient);
    }
    return new AgeRecipients(more);
  }

  public List<String> list() {
    return recipients;
  }

  List<RecipientStanzaWriter> writers() throws GeneralSecurityException {
    List<RecipientStanzaWriter> writers = new ArrayList<>();
    for (String recipient : recipients) {
      writers.add(X25519RecipientStanzaWriterFactory.newRecipientStanzaWriter(recipient));
    }
    return writers;
  }

  private static String checked(String recipient, String where) throws AgeKeyException {
    if (!recipient.startsWith(X25519_PREFIX)) {
      throw new AgeKeyException(where + " is not an age X25519 recipient (age1...)"
          + (recipient.startsWith("ssh-") ? "; SSH keys are not supported" : ""), null);
    }
    try {
      X25519RecipientStanzaWriterFactory.newRecipientStanzaWriter(recipient);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new AgeKeyException(where + " is not a valid age X25519 recipient: " + e.getMessage(), e);
    }
    return recipient;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AgeRecipients other && recipients.equals(other.recipients);
  }

  @Override
  public int hashCode() {
    return Objects.hash(recipients);
  }

  @Override
  public String toString() {
    return String.join(", ", recipients);
  }
}
