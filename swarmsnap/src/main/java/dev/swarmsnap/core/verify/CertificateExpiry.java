package dev.swarmsnap.core.verify;

import dev.swarmsnap.swarmstate.Finding;
import dev.swarmsnap.swarmstate.Finding.Level;
import dev.swarmsnap.swarmstate.model.CertificateInfo;
import java.time.Duration;
import java.time.Instant;

/**
 * Node certificate and root CA expiry at a given instant: FAIL if expired (an expired node
 * certificate loads only with {@code --force-new-cluster}, docs/swarm-state-format.md §7.1 check 2), WARN under
 * 30 days (node certificates last 90 days and renew themselves while the node runs; a restore
 * from this backup must happen before that). Pure.
 */
public final class CertificateExpiry {
  static final Duration SOON = Duration.ofDays(30);

  public Finding check(CertificateInfo certs, Instant now) {
    Instant node = certs.nodeNotAfter();
    Instant ca = certs.caNotAfter();
    String facts = "node certificate expires " + node + ", root CA " + ca;
    if (!node.isAfter(now) || !ca.isAfter(now)) {
      return new Finding("certificate-expiry", Level.FAIL, facts + ": expired");
    }
    Instant first = node.isBefore(ca) ? node : ca;
    if (Duration.between(now, first).compareTo(SOON) < 0) {
      return new Finding("certificate-expiry", Level.WARN, facts + ": under 30 days left ("
          + Duration.between(now, first).toDays() + " days)");
    }
    return new Finding("certificate-expiry", Level.OK, facts);
  }
}
