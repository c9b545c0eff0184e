package dev.swarmsnap.crypto;

import com.goterl.lazysodium.SodiumJava;
import com.goterl.lazysodium.utils.LibraryLoader;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Loads libsodium: the system's first (Debian's {@code libsodium23}, kept current by apt;
 * scripts/setup.sh installs it), else the copy in lazysodium-java's jar. Either can fail where the
 * tool still has to work (an architecture with neither, a temp directory mounted noexec); {@link
 * CryptoBackend} then falls back to pure Java.
 *
 * <p>The bundled copy is extracted here, alone, into a file only we can read, deleted as soon as it
 * is loaded. lazysodium's own loader unpacks every entry of the jar it sits in, here the shaded
 * jar (measured: 17,800 files, 140 MB, 3.7 s), into a new temp directory on each start and leaves
 * all but the library there.
 */
final class NativeSodiumLoader {
  private final String systemName;

  /** {@code systemName}: the library's name for the dynamic linker, {@code sodium} but in tests. */
  NativeSodiumLoader(String systemName) {
    this.systemName = systemName;
  }

  /** libsodium, or why it could not be loaded. */
  record Load(Optional<NativeSodium> sodium, String whyNot) {}

  /** libsodium for this process, a bundled copy extracted into the JVM's temp directory. */
  static Load forProcess() {
    return new NativeSodiumLoader("sodium").load(Paths.get(System.getProperty("java.io.tmpdir")));
  }

  /** The system library, else the bundled one extracted into {@code tempDir}. */
  Load load(Path tempDir) {
    String system;
    try {
      return new Load(Optional.of(system()), "");
    } catch (LinkageError | RuntimeException e) {
      system = "no system libsodium (" + oneLine(e) + ")";
    }
    try {
      return new Load(Optional.of(bundled(tempDir)), "");
    } catch (IOException | LinkageError | RuntimeException e) {
      return new Load(Optional.empty(), system + "; the bundled one did not load (" + oneLine(e) + ")");
    }
  }

  /** The system's libsodium, as the dynamic linker and JNA find it. */
  NativeSodium system() {
    // lazysodium's constructor for a path takes a name as well: JNA resolves both
    SodiumJava sodium = new SodiumJava(systemName);
    NativeLibrary library = NativeLibrary.getInstance(systemName);
    return new NativeSodium(sodium, version(library), "system, " + library.getFile());
  }

  /** The copy in lazysodium-java's jar for this platform, extracted into {@code tempDir}. */
  NativeSodium bundled(Path tempDir) throws IOException {
    String resource = bundledResource();
    Path file = Files.createTempFile(tempDir, "swarmsnap-libsodium-", ".so",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      try (InputStream in = SodiumJava.class.getResourceAsStream("/" + resource)) {
        if (in == null) {
          throw new IOException("lazysodium-java has no " + resource);
        }
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      }
      String path = file.toAbsolutePath().toString();
      SodiumJava sodium = new SodiumJava(path);
      // read while the file is still there: JNA may open it again by name
      String version = version(NativeLibrary.getInstance(path));
      return new NativeSodium(sodium, version, "bundled with lazysodium-java, " + resource);
    } finally {
      // a loaded library stays mapped after its file is gone
      Files.deleteIfExists(file);
    }
  }

  /** lazysodium's choice, except on 64-bit ARM Linux, where it would pick its 32-bit ARM build. */
  private static String bundledResource() {
    if (Platform.isLinux() && Platform.isARM() && Platform.is64Bit()) {
      return "arm64/libsodium.so";
    }
    return LibraryLoader.getSodiumPathInResources();
  }

  /**
   * JNA's message on one line for {@code --debug}: it lists each name it tried on a line of its own,
   * each twice, and where in the jar it looked (never where libsodium is).
   */
  private static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.lines()
        .map(line -> line.strip().replaceAll(":$", ""))
        .filter(line -> !line.isEmpty() && !line.contains("not found in resource path"))
        .distinct()
        .collect(Collectors.joining("; "));
  }

  private static String version(NativeLibrary library) {
    return library.getFunction("sodium_version_string").invokeString(new Object[0], false);
  }
}
