package org.nashra.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.nashra.config.ConfigLoader;
import org.nashra.config.FetchSettings;

/**
 * Which addresses a fetch may connect to. A feed URL is operator input, and a redirect is server input:
 * neither may steer the service onto its own machine or private network (SSRF), unless the operator
 * named the host in {@code fetch.allow_private_hosts}.
 */
final class AddressGuard {
    /** How a refusal ends: the key and file an operator edits to lift it. */
    static final String UNLESS_ALLOWED = ", which is refused unless " + FetchSettings.ALLOW_PRIVATE_HOSTS_KEY
            + " in the settings file (" + ConfigLoader.DEFAULT_SETTINGS + " unless --config names another) lists the host";
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final Set<String> allowedHosts;

    AddressGuard(List<String> allowPrivateHosts) {
        this.allowedHosts = allowPrivateHosts.stream().map(AddressGuard::normalize).collect(Collectors.toUnmodifiableSet());
    }

    /** True when the host, as written in the URL, was allowed by the operator. */
    boolean allowed(String host) {
        return allowedHosts.contains(normalize(host));
    }

    /**
     * Why every fetch of the host will be refused, known without a DNS lookup (an address literal
     * that is not public, or a {@code localhost} name, RFC 6761), or null: a name is judged when it
     * resolves, at connect time.
     */
    String refusedWithoutLookup(String host) {
        if (host == null || allowed(host)) return null;
        String h = normalize(host);
        if (h.equals("localhost") || h.endsWith(".localhost")) return host + " is a loopback name";
        if (!IPV4_LITERAL.matcher(h).matches() && h.indexOf(':') < 0) return null;
        try {
            String reason = blockedReason(InetAddress.getByName(h)); // a literal: no lookup
            return reason == null ? null : host + " is a " + reason;
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }

    /** Why an address may not be used, or null when it is public. */
    static String blockedReason(InetAddress a) {
        if (a.isAnyLocalAddress()) {
            return "unspecified address";
        }
        if (a.isLoopbackAddress()) {
            return "loopback address";
        }
        if (a.isLinkLocalAddress()) {
            return "link-local address";
        }
        if (a.isSiteLocalAddress()) {
            return "private address";
        }
        if (a.isMulticastAddress()) {
            return "multicast address";
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int b0 = b[0] & 0xFF;
            int b1 = b[1] & 0xFF;
            if (b0 == 0) {
                return "unspecified address"; // 0.0.0.0/8 reaches this host on Linux
            }
            if (b0 == 100 && b1 >= 64 && b1 <= 127) {
                return "shared (carrier-grade NAT) address"; // RFC 6598
            }
            if (b0 == 169 && b1 == 254) {
                return "link-local address";
            }
            if (b0 >= 240) {
                return "reserved address";
            }
        }
        if (a instanceof Inet6Address) {
            int b0 = b[0] & 0xFF;
            if ((b0 & 0xFE) == 0xFC) {
                return "unique-local address"; // fc00::/7, RFC 4193
            }
            if (isMappedOrCompatibleV4(b)) {
                try {
                    InetAddress v4 = InetAddress.getByAddress(new byte[]{b[12], b[13], b[14], b[15]});
                    return blockedReason(v4);
                } catch (java.net.UnknownHostException e) {
                    return "malformed address";
                }
            }
        }
        return null;
    }

    private static boolean isMappedOrCompatibleV4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] == (byte) 0xFF && b[11] == (byte) 0xFF) || (b[10] == 0 && b[11] == 0);
    }

    private static String normalize(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        h = h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
        try {
            return java.net.IDN.toASCII(h, java.net.IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return h; // not a domain name; compared as written
        }
    }
}
