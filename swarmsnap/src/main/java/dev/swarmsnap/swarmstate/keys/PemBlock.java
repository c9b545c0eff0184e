package dev.swarmsnap.swarmstate.keys;

import dev.swarmsnap.error.CorruptStateException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One PEM block as Go's {@code encoding/pem} writes it: type, optional {@code Name: value} headers
 * (any order), a blank line, base64 body (docs/swarm-state-format.md §2.2).
 */
record PemBlock(String type, Map<String, String> headers, byte[] body) {
  PemBlock {
    headers = Map.copyOf(headers);
  }

  /** All blocks of a PEM file. @throws CorruptStateException naming the file and byte offset */
  static List<PemBlock> parseAll(Path file, byte[] bytes) {
    String text = new String(bytes, StandardCharsets.US_ASCII);
    List<PemBlock> blocks = new ArrayList<>();
    int pos = 0;
    while (true) {
      int begin = text.indexOf("-----BEGIN ", pos);
      if (begin < 0) {
        break;
      }
      int typeEnd = text.indexOf("-----", begin + 11);
      if (typeEnd < 0) {
        throw new CorruptStateException(file, begin, "a PEM BEGIN line", "an unterminated line");
      }
      String type = text.substring(begin + 11, typeEnd);
      String endLine = "-----END " + type + "-----";
      int end = text.indexOf(endLine, typeEnd);
      if (end < 0) {
        throw new CorruptStateException(file, begin, "'" + endLine + "'", "end of file");
      }
      String inner = text.substring(typeEnd + 5, end);
      Map<String, String> headers = new TreeMap<>();
      StringBuilder b64 = new StringBuilder();
      for (String line : inner.split("\r?\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && b64.length() == 0) {
          headers.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        } else {
          b64.append(line.strip());
        }
      }
      byte[] body;
      try {
        body = Base64.getDecoder().decode(b64.toString());
      } catch (IllegalArgumentException e) {
        throw new CorruptStateException(file, begin, "base64 in the PEM body", "characters outside the base64 alphabet", e);
      }
      blocks.add(new PemBlock(type, headers, body));
      pos = end + endLine.length();
    }
    if (blocks.isEmpty()) {
      throw new CorruptStateException(file, 0, "a PEM block", "none");
    }
    return blocks;
  }
}
