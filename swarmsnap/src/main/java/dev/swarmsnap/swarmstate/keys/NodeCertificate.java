package dev.swarmsnap.swarmstate.keys;

import dev.swarmsnap.error.CorruptStateException;
import dev.swarmsnap.swarmstate.files.DirectorySwarmFiles;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * The node certificate (first of {@code swarm-node.crt}): CN = node ID, O = cluster ID, OU = role
 * ({@code swarm-manager} or {@code swarm-worker}), docs/swarm-state-format.md §1 and §7.1 check 2.
 */
public record NodeCertificate(
    String nodeId, String clusterId, String role, Instant notAfter, X509Certificate certificate) {

  public PublicKey publicKey() {
    return certificate.getPublicKey();
  }

  /** @throws CorruptStateException if no X.509 certificate can be read */
  public static NodeCertificate read(Path file) {
    return parse(file, readBytes(file));
  }

  /** Parses the first certificate of PEM {@code bytes}; {@code file} names it in messages. */
  public static NodeCertificate parse(Path file, byte[] bytes) {
    X509Certificate cert = parseAll(file, bytes).get(0);
    String dn = cert.getSubjectX500Principal().getName();
    return new NodeCertificate(
        rdn(dn, "CN"), rdn(dn, "O"), rdn(dn, "OU"), cert.getNotAfter().toInstant(), cert);
  }

  /** All certificates of a PEM file (the root CA file may hold several). */
  public static List<X509Certificate> readAll(Path file) {
    return parseAll(file, readBytes(file));
  }

  /** All certificates of PEM {@code bytes}; {@code file} names them in messages. */
  public static List<X509Certificate> parseAll(Path file, byte[] bytes) {
    try {
      var certs = CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(bytes));
      if (certs.isEmpty()) {
        throw new CorruptStateException(file, 0, "a PEM X.509 certificate", "none");
      }
      return certs.stream().map(X509Certificate.class::cast).toList();
    } catch (CorruptStateException e) {
      throw e;
    } catch (CertificateException | RuntimeException e) {
      // hostile PEM can make the JDK parser throw unchecked exceptions too
      throw new CorruptStateException(file, 0, "a PEM X.509 certificate",
          "bytes that do not parse as one (damaged PEM, base64 or DER)", e);
    }
  }

  private static byte[] readBytes(Path file) {
    return DirectorySwarmFiles.readSmallFile(file);
  }

  /** Whether {@code roots} contains the issuer whose key verifies this certificate. */
  public boolean signedByOneOf(List<X509Certificate> roots) {
    for (X509Certificate root : roots) {
      try {
        certificate.verify(root.getPublicKey());
        return true;
      } catch (GeneralSecurityException | RuntimeException e) {
        // try the next root
      }
    }
    return false;
  }

  private static String rdn(String dn, String type) {
    try {
      for (Rdn r : new LdapName(dn).getRdns()) {
        if (r.getType().equalsIgnoreCase(type)) {
          return r.getValue().toString();
        }
      }
    } catch (InvalidNameException e) {
      return "";
    }
    return "";
  }
}
