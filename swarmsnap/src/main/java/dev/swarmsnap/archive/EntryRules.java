package dev.swarmsnap.archive;

import dev.swarmsnap.archive.ArchiveProblem.Kind;
import dev.swarmsnap.archive.manifest.Manifest;
import dev.swarmsnap.archive.manifest.ManifestFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Judges each tar entry against the manifest, in the order of the checks below, so the reason
 * given is the most fundamental one: type, path, duplicate, listed, kind, size. Shared by
 * verification (collects problems) and extraction (stops at the first). Not thread-safe.
 */
final class EntryRules {
  /** The verdict on one entry. */
  sealed interface Verdict permits Accepted, Refused {}

  /** The entry is the manifest's {@code file}; its content still has to be hashed. */
  record Accepted(ManifestFile file) implements Verdict {}

  record Refused(ArchiveProblem problem) implements Verdict {}

  private final Map<String, ManifestFile> listed = new LinkedHashMap<>();
  private final Set<String> seen = new HashSet<>();

  EntryRules(Manifest manifest) {
    manifest.files().forEach(f -> listed.put(f.path(), f));
  }

  Verdict check(RawEntry entry) {
    String name = entry.name();
    switch (entry.type()) {
      case FILE, DIRECTORY -> {}
      case SYMLINK -> {
        return refuse(Kind.UNSAFE_ENTRY, name, "is a symbolic link to '" + entry.linkName() + "'; archives never hold links");
      }
      case HARDLINK -> {
        return refuse(Kind.UNSAFE_ENTRY, name, "is a hard link to '" + entry.linkName() + "'; archives never hold links");
      }
      case CHARACTER_DEVICE, BLOCK_DEVICE, FIFO -> {
        return refuse(Kind.UNSAFE_ENTRY, name, "is a " + describe(entry.type()) + "; archives hold only files and directories");
      }
      case SPARSE -> {
        return refuse(Kind.UNSAFE_ENTRY, name, "is a sparse tar entry; swarmsnap never writes those");
      }
      case OTHER -> {
        return refuse(Kind.UNSAFE_ENTRY, name, "has unsupported tar type '" + entry.flag() + "'");
      }
    }
    String path = entry.path();
    if (path.startsWith("/")) {
      return refuse(Kind.UNSAFE_ENTRY, name, "has an absolute path");
    }
    if (("/" + path + "/").contains("/../")) {
      return refuse(Kind.UNSAFE_ENTRY, name, "has a '..' path component");
    }
    try {
      ManifestFile.requireValidPath(path);
    } catch (IllegalArgumentException e) {
      return refuse(Kind.UNSAFE_ENTRY, name, "has an invalid path: " + e.getMessage());
    }
    if (!seen.add(path)) {
      return refuse(Kind.DUPLICATE_ENTRY, name, "appears more than once");
    }
    ManifestFile file = listed.get(path);
    if (file == null) {
      return refuse(Kind.UNEXPECTED_ENTRY, name, "is not listed in the manifest");
    }
    boolean isDirectory = entry.type() == RawEntry.Type.DIRECTORY;
    if (isDirectory != file.isDirectory()) {
      return refuse(
          Kind.KIND_MISMATCH, name,
          "is a " + (isDirectory ? "directory" : "file") + " but the manifest lists a "
              + (file.isDirectory() ? "directory" : "file"));
    }
    if (entry.size() > file.storedLength()) {
      return refuse(
          Kind.OVERSIZED_ENTRY, name,
          "is " + entry.size() + " bytes, larger than the " + file.storedLength() + " bytes its manifest entry allows");
    }
    if (entry.size() < file.storedLength()) {
      return refuse(
          Kind.LENGTH_MISMATCH, name,
          "holds " + entry.size() + " bytes but the manifest says " + file.storedLength());
    }
    return new Accepted(file);
  }

  /** Listed entries not seen so far; call at the end of the archive. */
  List<ArchiveProblem> missing() {
    List<ArchiveProblem> problems = new ArrayList<>();
    for (String path : listed.keySet()) {
      if (!seen.contains(path)) {
        problems.add(new ArchiveProblem(Kind.MISSING_ENTRY, path, "is listed in the manifest but missing from the archive"));
      }
    }
    return problems;
  }

  private static Refused refuse(Kind kind, String name, String detail) {
    return new Refused(new ArchiveProblem(kind, name, detail));
  }

  private static String describe(RawEntry.Type type) {
    return switch (type) {
      case CHARACTER_DEVICE -> "character device";
      case BLOCK_DEVICE -> "block device";
      case FIFO -> "fifo";
      default -> type.name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
