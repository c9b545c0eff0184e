package dev.swarmsnap.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmsnap.error.BadInputException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class UnlockKeyTest {
  // docs/swarm-state-format.md §2.1 / §6 worked example (throw-away test key)
  private static final String KEY = "SWMKEY-1-FJYn6m3lb5chRgV07zs4K/Qpc/UDLRuNlOn++3DYTMI";

  @Test
  void kekIsTheRawBase64Payload() {
    UnlockKey k = UnlockKey.parse(" " + KEY + "\n");
    assertThat(HexFormat.of().formatHex(k.kek()))
        .isEqualTo("149627ea6de56f9721460574ef3b382bf42973f5032d1b8d94e9fefb70d84cc2");
  }

  @Test
  void toStringAndFingerprintHideTheKey() {
    UnlockKey k = UnlockKey.parse(KEY);
    assertThat(k.toString()).doesNotContain("FJYn").contains(k.fingerprint());
    assertThat(k.fingerprint()).matches("sha256:[0-9a-f]{16}");
    assertThat(UnlockKey.fingerprintOf(k.kek())).isEqualTo(k.fingerprint());
  }

  @Test
  void wipeZeroesTheKek() {
    UnlockKey k = UnlockKey.parse(KEY);
    k.wipe();
    assertThat(k.kek()).containsOnly(0);
  }

  @Test
  void malformedKeysAreBadInput() {
    assertThatThrownBy(() -> UnlockKey.parse("SWMKEY-2-abc")).isInstanceOf(BadInputException.class);
    assertThatThrownBy(() -> UnlockKey.parse("SWMKEY-1-!!!")).isInstanceOf(BadInputException.class);
    assertThatThrownBy(() -> UnlockKey.parse("SWMKEY-1-AAAA")).isInstanceOf(BadInputException.class);
  }

  @Test
  void secretBoxOpensWhatItSealsAndRejectsAWrongKey() {
    SecretBox box = new SecretBox();
    byte[] key = new byte[32];
    byte[] nonce = new byte[24];
    key[0] = 1;
    byte[] sealed = box.seal(key, nonce, "dek".getBytes());
    assertThat(box.open(key, nonce, sealed)).hasValueSatisfying(p -> assertThat(p).isEqualTo("dek".getBytes()));
    key[0] = 2;
    assertThat(box.open(key, nonce, sealed)).isEmpty();
  }
}
