package dev.swarmsnap.core.replace;

import java.util.regex.Pattern;

/**
 * Swarm addresses as dockerd and swarmkit spell them: {@code ip}, {@code ip:port}, {@code
 * [v6]:port}. Pure; never resolves a name.
 */
public final class RaftAddresses {
  private static final Pattern IPV4 = Pattern.compile(
      "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private RaftAddresses() {}

  /** The host part of {@code ip}, {@code ip:port} or {@code [v6]:port}. */
  public static String host(String addr) {
    if (addr == null) {
      return "";
    }
    if (addr.startsWith("[")) {
      int end = addr.indexOf(']');
      return end > 0 ? addr.substring(1, end) : addr;
    }
    int colon = addr.lastIndexOf(':');
    return colon > 0 && addr.indexOf(':') == colon ? addr.substring(0, colon) : addr;
  }

  /** The port of {@code ip:port} or {@code [v6]:port}, else {@code fallback}. */
  public static String port(String addr, String fallback) {
    if (addr == null) {
      return fallback;
    }
    if (addr.startsWith("[")) {
      int end = addr.indexOf("]:");
      return end > 0 ? addr.substring(end + 2) : fallback;
    }
    int colon = addr.lastIndexOf(':');
    return colon > 0 && addr.indexOf(':') == colon ? addr.substring(colon + 1) : fallback;
  }

  public static String join(String host, String port) {
    return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
  }

  /** Whether {@code host} is an IPv4 or IPv6 literal (an interface or host name is not). */
  public static boolean isIpLiteral(String host) {
    return IPV4.matcher(host).matches() || (host.contains(":") && IPV6.matcher(host).matches());
  }
}
