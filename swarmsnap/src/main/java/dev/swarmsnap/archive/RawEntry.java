package dev.swarmsnap.archive;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * A tar entry header as read, before any check; our type, so commons-compress stays inside the
 * cursor.
 *
 * @param name the name exactly as stored (PAX {@code path} applied), trailing {@code /} included
 * @param size the content length the header claims
 */
record RawEntry(String name, Type type, String linkName, long size, char flag) {
  enum Type {
    FILE,
    DIRECTORY,
    SYMLINK,
    HARDLINK,
    CHARACTER_DEVICE,
    BLOCK_DEVICE,
    FIFO,
    SPARSE,
    OTHER
  }

  static RawEntry of(TarArchiveEntry entry) {
    byte flag = entry.getLinkFlag();
    Type type;
    if (entry.isSparse()) {
      type = Type.SPARSE;
    } else if (flag == TarConstants.LF_NORMAL || flag == TarConstants.LF_OLDNORM) {
      type = Type.FILE;
    } else if (flag == TarConstants.LF_DIR) {
      type = Type.DIRECTORY;
    } else if (flag == TarConstants.LF_SYMLINK) {
      type = Type.SYMLINK;
    } else if (flag == TarConstants.LF_LINK) {
      type = Type.HARDLINK;
    } else if (flag == TarConstants.LF_CHR) {
      type = Type.CHARACTER_DEVICE;
    } else if (flag == TarConstants.LF_BLK) {
      type = Type.BLOCK_DEVICE;
    } else if (flag == TarConstants.LF_FIFO) {
      type = Type.FIFO;
    } else {
      type = Type.OTHER;
    }
    return new RawEntry(entry.getName(), type, entry.getLinkName(), entry.getSize(), (char) flag);
  }

  /** The manifest path this entry claims: the name, less the one trailing slash of a directory. */
  String path() {
    return type == Type.DIRECTORY && name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
  }
}
