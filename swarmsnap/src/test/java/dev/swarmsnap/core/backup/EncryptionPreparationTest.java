package dev.swarmsnap.core.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmsnap.archive.ArchiveEncryption;
import dev.swarmsnap.crypto.age.AgeKeyPair;
import dev.swarmsnap.crypto.age.AgeRecipients;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Encryption is made ready (and checked) before the engine stops; the read-back key is wiped after. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EncryptionPreparationTest {
  @Test
  void makesAReadBackKeyThatOpensArchivesEncryptedToItAndWipesItOnClose() throws Exception {
    AgeRecipients user;
    try (AgeKeyPair userKey = AgeKeyPair.generate()) {
      user = AgeRecipients.of(List.of(userKey.recipient()), List.of());
    }
    AgeKeyPair key;
    try (EncryptionPreparation prepared = EncryptionPreparation.start(user)) {
      key = prepared.readBackKey();
      assertThat(key.recipient()).startsWith("age1");
      ArchiveEncryption.roundTrip(user.plus(key.recipient()), key.identity(), 100_000);
    }
    AgeRecipients both = user.plus(key.recipient());
    assertThatThrownBy(() -> ArchiveEncryption.roundTrip(both, key.identity(), 1000))
        .as("the single-use key is wiped once the backup is done")
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aSampleTheIdentityCannotOpenIsAnErrorThatSaysSo() throws Exception {
    try (AgeKeyPair recipient = AgeKeyPair.generate(); AgeKeyPair stranger = AgeKeyPair.generate()) {
      AgeRecipients to = AgeRecipients.of(List.of(recipient.recipient()), List.of());
      assertThatThrownBy(() -> ArchiveEncryption.roundTrip(to, stranger.identity(), 1000))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("age encryption to the given recipients failed on a sample");
    }
  }
}
