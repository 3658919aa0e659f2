package org.nashra.fetch;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Resolves names and refuses private ones. Checking here, at connect time, rather than on the URL covers
 * every redirect hop and names that resolve to a private address (DNS rebinding): the address checked is
 * the address connected to.
 */
final class GuardedDnsResolver implements DnsResolver {

    /** A name lookup; the system resolver in production, a fixed table in tests. */
    @FunctionalInterface
    interface Lookup {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Lookup lookup;
    private final AddressGuard guard;

    GuardedDnsResolver(Lookup lookup, AddressGuard guard) {
        this.lookup = lookup;
        this.guard = guard;
    }

    static Lookup system() {
        return SystemDefaultDnsResolver.INSTANCE::resolve;
    }

    @Override
    public InetAddress[] resolve(String name) throws UnknownHostException {
        // HttpClient hands over internationalized names in Unicode; DNS and the allow-list speak ASCII
        String host = ascii(name);
        InetAddress[] addresses = lookup.resolve(host);
        if (guard.allowed(host)) {
            return addresses;
        }
        for (InetAddress a : addresses) {
            String reason = AddressGuard.blockedReason(a);
            if (reason != null) {
                // Refuse the whole name: connecting to its other addresses would still let it pick the target.
                String what = isLiteral(host, a) ? host + " is a " + reason
                        : host + " resolves to " + a.getHostAddress() + ", a " + reason;
                throw new BlockedAddressException(what + AddressGuard.UNLESS_ALLOWED);
            }
        }
        return addresses;
    }

    private static String ascii(String name) {
        try {
            return java.net.IDN.toASCII(name, java.net.IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    private static boolean isLiteral(String host, InetAddress a) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return h.equalsIgnoreCase(a.getHostAddress()) || h.indexOf(':') >= 0;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
    }
}
