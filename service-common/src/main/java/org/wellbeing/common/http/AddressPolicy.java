package org.wellbeing.common.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * Which URLs given by users (feeds, webhooks) the services may call: http or https, no credentials
 * in the URL, and a host whose every address is public. Loopback, link-local (the cloud metadata
 * address 169.254.169.254 among them), private, shared, unique-local, multicast and unspecified
 * addresses are refused unless configuration allows them, so no caller can point the services at
 * their own network.
 */
public final class AddressPolicy {

  private final boolean allowLoopback;
  private final boolean allowPrivate;
  private final Set<String> allowedHosts;

  public AddressPolicy(boolean allowLoopback, boolean allowPrivate, Set<String> allowedHosts) {
    this.allowLoopback = allowLoopback;
    this.allowPrivate = allowPrivate;
    this.allowedHosts = Set.copyOf(allowedHosts.stream().map(AddressPolicy::lower).toList());
  }

  /** Refused because of what it is, not because a server failed. */
  public static final class RefusedAddressException extends Exception {
    public RefusedAddressException(String message) {
      super(message);
    }
  }

  /** Resolves the URL's host and checks it and every address it names. */
  public void check(URI uri) throws RefusedAddressException {
    String scheme = uri.getScheme() == null ? "" : lower(uri.getScheme());
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new RefusedAddressException("only http and https URLs are allowed");
    }
    if (uri.getRawUserInfo() != null) {
      throw new RefusedAddressException("URLs may not carry credentials");
    }
    String host = uri.getHost();
    if (host == null || host.isBlank()) {
      throw new RefusedAddressException("the URL has no host");
    }
    if (allowedHosts.contains(lower(host))) {
      return;
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new RefusedAddressException("the host cannot be resolved");
    }
    for (InetAddress address : addresses) {
      String refused = refusal(address);
      if (refused != null) {
        throw new RefusedAddressException("the host resolves to a " + refused + " address");
      }
    }
  }

  /** Why {@code address} may not be called, or null when it may. */
  String refusal(InetAddress address) {
    InetAddress embedded = embeddedIpv4(address);
    if (embedded != null) {
      // NAT64, 6to4 and IPv4-compatible addresses reach the IPv4 address they carry
      String refused = refusal(embedded);
      if (refused != null) {
        return refused;
      }
    }
    if (address.isLoopbackAddress()) {
      return allowLoopback ? null : "loopback";
    }
    if (address.isAnyLocalAddress()) {
      return "unspecified";
    }
    if (address.isLinkLocalAddress()) {
      return "link-local";
    }
    if (address.isMulticastAddress()) {
      return "multicast";
    }
    if (isPrivate(address)) {
      return allowPrivate ? null : "private";
    }
    return null;
  }

  /** The IPv4 address inside 64:ff9b::/96, 2002::/16 or ::a.b.c.d, or null. */
  private static InetAddress embeddedIpv4(InetAddress address) {
    if (!(address instanceof Inet6Address)
        || address.isLoopbackAddress()
        || address.isAnyLocalAddress()) {
      return null;
    }
    byte[] b = address.getAddress();
    byte[] v4 = null;
    if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
      v4 = new byte[] {b[2], b[3], b[4], b[5]};
    } else if (startsWith(b, new int[] {0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0})
        || startsWith(b, new int[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})) {
      v4 = new byte[] {b[12], b[13], b[14], b[15]};
    }
    if (v4 == null) {
      return null;
    }
    try {
      return InetAddress.getByAddress(v4);
    } catch (java.net.UnknownHostException e) {
      return null;
    }
  }

  private static boolean startsWith(byte[] bytes, int[] prefix) {
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xff) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isPrivate(InetAddress address) {
    if (address.isSiteLocalAddress()) {
      return true;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      // 100.64.0.0/10 (shared), 192.0.0.0/24, 198.18.0.0/15 (benchmarking), 0.0.0.0/8
      return (first == 100 && second >= 64 && second < 128)
          || (first == 192 && second == 0 && (b[2] & 0xff) == 0)
          || (first == 198 && (second == 18 || second == 19))
          || first == 0
          || first >= 240;
    }
    if (address instanceof Inet6Address) {
      // fc00::/7, unique local; IPv4-mapped addresses are checked as IPv4 by the JDK already
      return (b[0] & 0xfe) == 0xfc;
    }
    return false;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
