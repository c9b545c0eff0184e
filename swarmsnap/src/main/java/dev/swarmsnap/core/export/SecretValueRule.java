package dev.swarmsnap.core.export;

import dev.swarmsnap.error.BadInputException;

/**
 * When an export may hold secret values: only when asked, and then only encrypted to age
 * recipients or with the user's explicit consent to plaintext. Checked before anything is read.
 */
public final class SecretValueRule {

  /**
   * @param withValues {@code --with-secret-values}
   * @param encrypted {@code --encrypt-to} given
   * @param plaintextOk {@code --plaintext-ok}
   * @return whether the output will hold secret values in plaintext (the caller warns)
   * @throws BadInputException if values were asked for with neither encryption nor consent
   */
  public boolean check(boolean withValues, boolean encrypted, boolean plaintextOk) {
    if (withValues && !encrypted && !plaintextOk) {
      throw new BadInputException("--with-secret-values would write secret values in plaintext",
          "encrypt the document with --encrypt-to RECIPIENT, or accept a plaintext file (mode 0600) with --plaintext-ok");
    }
    return withValues && !encrypted;
  }
}
