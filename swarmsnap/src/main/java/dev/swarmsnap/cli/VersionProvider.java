package dev.swarmsnap.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/** Reads the version Maven wrote into the jar, so {@code --version} never drifts from the build. */
public final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"swarmsnap " + version(), "Java " + Runtime.version()};
  }

  public static String version() {
    try (InputStream in = VersionProvider.class.getResourceAsStream("/dev/swarmsnap/version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
