package dev.swarmsnap.core.export;

import dev.swarmsnap.crypto.age.AgeEnvelope;
import dev.swarmsnap.crypto.age.AgeRecipients;
import dev.swarmsnap.durable.AtomicFileWriter;
import dev.swarmsnap.durable.PendingFile;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an export document goes: a file, published atomically with mode 0600 (it may hold secret
 * values, and always holds the swarm's configuration), never over an existing file; Optionally age-encrypted to recipients first.
 */
public final class DocumentOutput {
  private final AtomicFileWriter files;

  public DocumentOutput(AtomicFileWriter files) {
    this.files = Objects.requireNonNull(files, "files");
  }

  /**
   * Writes {@code document} to {@code file}.
   *
   * @throws SwarmsnapException CONFLICT if something is there already
   */
  public void toFile(byte[] document, Path file, Optional<AgeRecipients> recipients) {
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new SwarmsnapException(ExitCode.CONFLICT, file + " already exists",
          "choose another -o file, or move the old one aside first");
    }
    try (PendingFile out = files.create(file, AtomicFileWriter.OWNER_ONLY)) {
      write(document, out, recipients);
      out.commit();
    }
  }

  private static void write(byte[] document, OutputStream out, Optional<AgeRecipients> recipients) {
    try {
      if (recipients.isPresent()) {
        OutputStream sealed = new AgeEnvelope().encrypt(new NonClosing(out), recipients.get());
        sealed.write(document);
        sealed.close();
      } else {
        out.write(document);
      }
    } catch (IOException e) {
      throw new SwarmsnapException(ExitCode.FAILED, "cannot write the export document: " + e.getMessage(),
          "check the space and permissions where it goes", e);
    }
  }

  /** Lets the age stream finish its last chunk on close without closing the pending file or stdout. */
  private static final class NonClosing extends FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
