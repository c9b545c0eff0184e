package dev.swarmsnap.crypto.age;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmsnap.crypto.CryptoBackend;
import dev.swarmsnap.crypto.EachCryptoBackend;
import dev.swarmsnap.error.BadInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Recipient and identity files in age's formats, and a round trip through the envelope. */
@Timeout(120)
class AgeKeysTest {
  @TempDir Path tmp;

  @Test
  void recipientsFilesSkipCommentsAndBlankLinesAndDropDuplicates() throws Exception {
    try (AgeKeyPair a = AgeKeyPair.generate(); AgeKeyPair b = AgeKeyPair.generate()) {
      Path file = tmp.resolve("recipients.txt");
      Files.writeString(file, "# ops team\n\n" + a.recipient() + "\n  " + b.recipient() + "  \n# end\n");

      AgeRecipients recipients = AgeRecipients.of(List.of(a.recipient()), List.of(file));

      assertThat(recipients.list()).containsExactly(a.recipient(), b.recipient());
    }
  }

  @Test
  void aBadRecipientIsNamedByFileAndLine() throws Exception {
    Path file = tmp.resolve("recipients.txt");
    Files.writeString(file, "# x\nssh-ed25519 AAAAC3Nza\n");

    assertThatThrownBy(() -> AgeRecipients.of(List.of(), List.of(file)))
        .isInstanceOf(AgeKeyException.class).hasMessageContaining("line 2 of " + file).hasMessageContaining("SSH");
    assertThatThrownBy(() -> AgeRecipients.of(List.of("age1notakey"), List.of()))
        .isInstanceOf(AgeKeyException.class).hasMessageContaining("not a valid age X25519 recipient");
    Path empty = tmp.resolve("empty.txt");
    Files.writeString(empty, "# nobody\n");
    assertThatThrownBy(() -> AgeRecipients.of(List.of(), List.of(empty)))
        .isInstanceOf(AgeKeyException.class).hasMessageContaining("holds no recipient");
  }

  @Test
  void aBadIdentityLineIsNamedWithoutRepeatingIt() throws Exception {
    String almost = "AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ";
    Path file = tmp.resolve("id.txt");
    Files.writeString(file, "# created: now\n" + almost + "\n");

    assertThatThrownBy(() -> AgeIdentities.read(List.of(file)))
        .isInstanceOf(AgeKeyException.class)
        .hasMessageContaining("line 2 of " + file)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("QQQQQQQQ"));
  }

  @ParameterizedTest
  @MethodSource("dev.swarmsnap.crypto.EachCryptoBackend#all")
  void whatIsEncryptedToSeveralRecipientsDecryptsWithEachAndNotWithAStranger(CryptoBackend backend) throws Exception {
    byte[] plain = new byte[200_000];
    new Random(1).nextBytes(plain);
    AgeEnvelope age = new AgeEnvelope(backend);
    try (AgeKeyPair a = AgeKeyPair.generate(); AgeKeyPair b = AgeKeyPair.generate();
        AgeKeyPair stranger = AgeKeyPair.generate()) {
      ByteArrayOutputStream sink = new ByteArrayOutputStream();
      try (OutputStream out = age.encrypt(sink, AgeRecipients.of(List.of(a.recipient(), b.recipient()), List.of()))) {
        out.write(plain);
      }
      byte[] sealed = sink.toByteArray();
      assertThat(AgeEnvelope.isAge(sealed)).isTrue();

      for (AgeKeyPair pair : List.of(a, b)) {
        try (InputStream in = age.decrypt(new ByteArrayInputStream(sealed), pair.identity())) {
          assertThat(in.readAllBytes()).isEqualTo(plain);
        }
      }
      assertThatThrownBy(() -> age.decrypt(new ByteArrayInputStream(sealed), stranger.identity()))
          .isInstanceOf(AgeDecryptionException.class)
          .extracting(e -> ((AgeDecryptionException) e).kind())
          .isEqualTo(AgeDecryptionException.Kind.NO_MATCHING_IDENTITY);
      byte[] tampered = sealed.clone();
      tampered[tampered.length - 100] ^= 0x40;
      try (InputStream in = age.decrypt(new ByteArrayInputStream(tampered), a.identity())) {
        assertThatThrownBy(in::readAllBytes)
            .isInstanceOf(AgeDecryptionException.class)
            .extracting(e -> ((AgeDecryptionException) e).kind())
            .isEqualTo(AgeDecryptionException.Kind.PAYLOAD_DAMAGED);
      }
    }
  }

  @Test
  void eachBackendOpensWhatTheOtherSealed() throws Exception {
    byte[] plain = new byte[150_000];
    new Random(2).nextBytes(plain);
    AgeEnvelope sodium = new AgeEnvelope(EachCryptoBackend.libsodium());
    AgeEnvelope pureJava = new AgeEnvelope(EachCryptoBackend.pureJava());
    try (AgeKeyPair pair = AgeKeyPair.generate()) {
      AgeRecipients recipients = AgeRecipients.of(List.of(pair.recipient()), List.of());
      for (AgeEnvelope[] sealThenOpen : new AgeEnvelope[][] {{sodium, pureJava}, {pureJava, sodium}}) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = sealThenOpen[0].encrypt(sink, recipients)) {
          out.write(plain);
        }
        try (InputStream in = sealThenOpen[1].decrypt(new ByteArrayInputStream(sink.toByteArray()), pair.identity())) {
          assertThat(in.readAllBytes()).isEqualTo(plain);
        }
      }
    }
  }

  @Test
  void identityAndRecipientsFilesThatAreNoRegularFilesAreCalledWhatTheyAre() {
    assertThatThrownBy(() -> AgeIdentities.read(List.of(Path.of("/dev/zero"))))
        .isInstanceOf(BadInputException.class).hasMessage("/dev/zero is a device, not a regular file");
    assertThatThrownBy(() -> AgeIdentities.read(List.of(tmp)))
        .isInstanceOf(BadInputException.class).hasMessage(tmp + " is a directory, not a regular file");
    assertThatThrownBy(() -> AgeRecipients.of(List.of(), List.of(Path.of("/dev/urandom"))))
        .isInstanceOf(BadInputException.class).hasMessage("/dev/urandom is a device, not a regular file");
  }
}
