package dev.swarmsnap.core.restore;

import java.util.ArrayList;
import java.util.List;

/**
 * Orders Docker engine versions such as {@code 20.10.24+dfsg1} or {@code 28.0.1} by their numeric
 * parts; suffixes ({@code +dfsg1}, {@code -ce}) are ignored. Pure.
 */
final class EngineVersionOrder {
  private EngineVersionOrder() {}

  /** Negative, zero or positive as {@code a} is older than, equal to or newer than {@code b}. */
  static int compare(String a, String b) {
    List<Integer> x = parts(a);
    List<Integer> y = parts(b);
    for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
      int c = Integer.compare(i < x.size() ? x.get(i) : 0, i < y.size() ? y.get(i) : 0);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  static int major(String version) {
    List<Integer> parts = parts(version);
    return parts.isEmpty() ? 0 : parts.get(0);
  }

  private static List<Integer> parts(String version) {
    List<Integer> parts = new ArrayList<>();
    for (String part : version.split("[+\\-~ ]", 2)[0].split("\\.")) {
      String digits = part.replaceAll("^(\\d*).*$", "$1");
      if (digits.isEmpty() || digits.length() > 9) {
        break;
      }
      parts.add(Integer.parseInt(digits));
    }
    return parts;
  }
}
