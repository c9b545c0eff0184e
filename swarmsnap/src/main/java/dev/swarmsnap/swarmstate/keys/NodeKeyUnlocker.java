package dev.swarmsnap.swarmstate.keys;

import dev.swarmsnap.crypto.MalformedKeyException;
import dev.swarmsnap.crypto.Pkcs8Decrypter;
import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.error.BadInputException;
import dev.swarmsnap.error.CorruptStateException;
import dev.swarmsnap.error.WrongUnlockKeyException;
import dev.swarmsnap.swarmstate.raft.DataKeys;
import dev.swarmsnap.swarmstate.raft.EncryptedRecordOpener;
import dev.swarmsnap.swarmstate.raft.MalformedRecordException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Opens a node's key file with an optional unlock key, telling a wrong key from damage in the
 * order of docs/swarm-state-format.md §2.6: the DEK header's secretbox MAC is authenticated, so failing it and the
 * PKCS#8 decrypt both means a wrong key; one failing alone means that part is damaged.
 */
public final class NodeKeyUnlocker {
  private final EncryptedRecordOpener opener = new EncryptedRecordOpener();
  private final Pkcs8Decrypter pkcs8 = new Pkcs8Decrypter();

  /**
   * @throws WrongUnlockKeyException if the key does not open the node key
   * @throws BadInputException if the swarm is locked and no key was given
   * @throws CorruptStateException if the key file is damaged or not a manager's
   */
  public UnlockedKeys unlock(NodeKeyFile keyFile, NodeCertificate cert, Optional<UnlockKey> key) {
    if (keyFile.raftDek().isEmpty()) {
      throw new CorruptStateException(
          keyFile.file(), 0, "a raft-dek header (a manager's key file)", "none: a worker node?");
    }
    byte[] kek = key.map(UnlockKey::kek).orElse(new byte[0]);
    try {
      if (keyFile.encrypted() && key.isEmpty()) {
        throw new BadInputException(
            "this swarm is autolocked (" + keyFile.file() + " is encrypted); an unlock key is needed",
            "pass the unlock key (SWMKEY-1-...) that was current when the swarm dir was written");
      }
      Optional<byte[]> dek = open(keyFile, keyFile.raftDek().get(), kek, "raft-dek");
      Optional<byte[]> pending =
          keyFile.raftDekPending().isPresent()
              ? open(keyFile, keyFile.raftDekPending().get(), kek, "raft-dek-pending")
              : Optional.empty();
      Optional<byte[]> privateDer = privateKey(keyFile, kek);
      if (dek.isEmpty() && privateDer.isEmpty()) {
        // The fingerprint of the key that fits is not on disk outside what that key seals (the
        // cluster object); its kek-version is, and a backup's manifest records both.
        throw new WrongUnlockKeyException(
            key.map(UnlockKey::fingerprint).orElse("none"),
            "cluster " + cert.clusterId() + ", node " + cert.nodeId()
                + "; the node key is sealed by the unlock key of kek-version " + keyFile.kekVersion()
                + ", whose fingerprint a swarmsnap backup of this node records");
      }
      if (dek.isEmpty()) {
        throw new CorruptStateException(
            keyFile.file(), 0, "a raft-dek header that opens with the unlock key",
            "one whose MAC fails although the private key decrypts");
      }
      if (privateDer.isEmpty()) {
        throw new CorruptStateException(
            keyFile.file(), 0, "a private key that decrypts with the unlock key",
            "bad padding although raft-dek opens");
      }
      boolean matches;
      try {
        matches = matches(parsed(keyFile, privateDer.get(), cert.publicKey()), cert.publicKey());
      } finally {
        Arrays.fill(privateDer.get(), (byte) 0);
      }
      DataKeys keys = new DataKeys(dek.get(), pending);
      Arrays.fill(dek.get(), (byte) 0);
      pending.ifPresent(p -> Arrays.fill(p, (byte) 0));
      return new UnlockedKeys(
          keys, matches, keyFile.encrypted(), pending.isPresent(), keyFile.needsRotation());
    } finally {
      Arrays.fill(kek, (byte) 0);
    }
  }

  private Optional<byte[]> open(NodeKeyFile f, byte[] record, byte[] kek, String header) {
    try {
      Optional<byte[]> dek = opener.open(record, kek.length == 0 ? List.of() : List.of(kek));
      if (dek.isPresent() && dek.get().length != 32) {
        throw new CorruptStateException(
            f.file(), 0, "a 32-byte DEK in " + header, dek.get().length + " bytes");
      }
      return dek;
    } catch (MalformedRecordException e) {
      throw new CorruptStateException(f.file(), 0, "a MaybeEncryptedRecord in " + header,
          "bytes that do not decode as one", e);
    }
  }

  private Optional<byte[]> privateKey(NodeKeyFile f, byte[] kek) {
    if (!f.encrypted()) {
      return Optional.of(f.keyDer().clone());
    }
    try {
      return pkcs8.decrypt(f.keyDer(), kek);
    } catch (MalformedKeyException e) {
      throw new CorruptStateException(f.file(), 0, "a PKCS#8 PBES2 key", "a damaged key structure", e);
    }
  }

  /**
   * The private key, which must parse: a key no parser reads is a damaged file, not one that
   * belongs to another (renewed) certificate.
   */
  private static PrivateKey parsed(NodeKeyFile f, byte[] pkcs8Der, PublicKey certKey) {
    try {
      return KeyFactory.getInstance(certKey.getAlgorithm()).generatePrivate(new PKCS8EncodedKeySpec(pkcs8Der));
    } catch (GeneralSecurityException | RuntimeException e) {
      // hostile DER can make the JDK parser throw unchecked exceptions too
      throw new CorruptStateException(f.file(), 0,
          "a PKCS#8 " + certKey.getAlgorithm() + " private key", "bytes no key parser reads", e);
    }
  }

  /** Signs a probe with the private key and verifies it with the certificate's public key. */
  private static boolean matches(PrivateKey priv, PublicKey certKey) {
    try {
      String alg = certKey.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
      byte[] probe = "swarmsnap key match probe".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      Signature s = Signature.getInstance(alg);
      s.initSign(priv);
      s.update(probe);
      byte[] sig = s.sign();
      Signature v = Signature.getInstance(alg);
      v.initVerify(certKey);
      v.update(probe);
      return v.verify(sig);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }
}
