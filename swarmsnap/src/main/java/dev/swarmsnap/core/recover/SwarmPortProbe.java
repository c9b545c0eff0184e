package dev.swarmsnap.core.recover;

import dev.swarmsnap.error.BadInputException;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.swarmstate.files.DirectorySwarmFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Does a manager answer on its swarm port? A TCP connection alone proves nothing (a proxy or a
 * firewall may accept it), so the probe starts a TLS handshake and counts the manager only when it
 * presents a certificate chain signed by this swarm's root CA ({@code certificates/swarm-root-ca.crt}).
 * No client certificate is sent: the answer is known once the server's chain checks out, whatever
 * the server thinks of us afterwards.
 */
final class SwarmPortProbe {
  private final Collection<? extends Certificate> roots;
  private final Duration timeout;

  private SwarmPortProbe(Collection<? extends Certificate> roots, Duration timeout) {
    this.roots = roots;
    this.timeout = timeout;
  }

  /** A probe that trusts the root CA in {@code caFile}; one that answers false when it cannot be read. */
  static SwarmPortProbe trusting(Path caFile, Duration timeout) {
    byte[] pem;
    try {
      pem = DirectorySwarmFiles.readSmallFile(caFile);
    } catch (BadInputException e) {
      throw e; // a link, device or FIFO where the CA belongs: refused, not "cannot be read"
    } catch (SwarmsnapException e) {
      return new SwarmPortProbe(List.of(), timeout);
    }
    try (InputStream in = new ByteArrayInputStream(pem)) {
      return new SwarmPortProbe(CertificateFactory.getInstance("X.509").generateCertificates(in), timeout);
    } catch (IOException | CertificateException e) {
      return new SwarmPortProbe(List.of(), timeout);
    }
  }

  /** True when {@code host:port} completes the server side of a TLS handshake with a chain to the root CA. */
  boolean answers(String host, int port) {
    if (roots.isEmpty()) {
      return false;
    }
    AtomicBoolean verified = new AtomicBoolean();
    try (Socket plain = new Socket()) {
      plain.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
      plain.setSoTimeout((int) timeout.toMillis());
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, new TrustManager[] {recording(verified)}, null);
      try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, host, port, false)) {
        socket.startHandshake();
      }
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      // a refused connection, a timeout, a foreign certificate, or the server rejecting us after its chain checked out
    }
    return verified.get();
  }

  private X509TrustManager recording(AtomicBoolean verified) throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new GeneralSecurityException(e);
    }
    int n = 0;
    for (Certificate root : roots) {
      store.setCertificateEntry("swarm-root-" + n++, root);
    }
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    X509TrustManager pkix = (X509TrustManager) factory.getTrustManagers()[0];
    return new X509TrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this probe is a client only");
      }

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        pkix.checkServerTrusted(chain, authType);
        verified.set(true);
      }

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return pkix.getAcceptedIssuers();
      }
    };
  }
}
