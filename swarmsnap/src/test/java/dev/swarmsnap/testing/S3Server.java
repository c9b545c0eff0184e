package dev.swarmsnap.testing;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3-compatible server for tests: S3Proxy in-process on loopback, a random port, over
 * jclouds' filesystem backend in {@code directory}, with AWS v2/v4 signatures checked against fixed
 * test credentials. {@link #stop()} and {@link #start()} take it down and bring it back on the same
 * port and data, to interrupt uploads.
 */
public final class S3Server implements AutoCloseable {
  public static final String ACCESS_KEY = "swarmsnap-test";
  public static final String SECRET_KEY = "swarmsnap-test-secret";

  private final BlobStoreContext blobs;
  private int port;
  private S3Proxy proxy;

  private S3Server(BlobStoreContext blobs) {
    this.blobs = blobs;
  }

  /** Starts a server storing its buckets under {@code directory}, with bucket {@code bucket} created. */
  public static S3Server start(Path directory, String bucket) {
    Properties properties = new Properties();
    properties.setProperty("jclouds.filesystem.basedir", directory.toString());
    BlobStoreContext blobs = ContextBuilder.newBuilder("filesystem").overrides(properties).build(BlobStoreContext.class);
    blobs.getBlobStore().createContainerInLocation(null, bucket);
    S3Server server = new S3Server(blobs);
    server.start();
    return server;
  }

  /** (Re)starts the server, on the port it had before if it ran already. */
  public void start() {
    proxy = S3Proxy.builder()
        .blobStore(blobs.getBlobStore())
        .endpoint(URI.create("http://127.0.0.1:" + port))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
        .build();
    try {
      proxy.start();
      if (!Await.until(java.time.Duration.ofSeconds(30), () -> "STARTED".equals(proxy.getState()))) {
        throw new IllegalStateException("S3Proxy is " + proxy.getState() + " after 30 s");
      }
    } catch (Exception e) {
      throw new IllegalStateException("S3Proxy did not start", e);
    }
    port = proxy.getPort();
  }

  /** Stops the server; open connections are cut. */
  public void stop() {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("S3Proxy did not stop", e);
    }
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** The environment a swarmsnap run needs to reach this server (plus {@code --s3-endpoint}). */
  public Map<String, String> environment() {
    Map<String, String> env = new HashMap<>();
    env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
    env.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
    env.put("AWS_REGION", "us-east-1");
    return env;
  }

  @Override
  public void close() {
    if (proxy != null && !proxy.getState().equals("STOPPED")) {
      stop();
    }
    blobs.close();
  }
}
