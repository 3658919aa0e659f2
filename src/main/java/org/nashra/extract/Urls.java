package org.nashra.extract;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.Locale;

/** Resolving links found in pages; java.net.URL because outlets write raw Arabic and spaces into hrefs. */
final class Urls {
    private Urls() {}

    /** The absolute URL, or null when it cannot be resolved (or is not http/https). */
    static String resolveOrNull(String base, String rel) {
        String r = resolve(base, rel);
        return r.isEmpty() ? null : r;
    }

    /** The absolute URL, or "" when {@code rel} cannot be resolved against {@code base}. */
    static String resolve(String base, String rel) {
        if (rel == null) return "";
        String r = rel.strip();
        if (r.isEmpty()) return "";
        try {
            if (r.startsWith("//")) r = new URL(base).getProtocol() + ":" + r;
            URL abs = new URL(new URL(base), r);
            String p = abs.getProtocol();
            return p.equals("http") || p.equals("https") ? abs.toExternalForm() : "";
        } catch (MalformedURLException e) {
            return "";
        }
    }

    /**
     * Whether {@code url} is on the site of {@code page}: the same host, or one a subdomain of the
     * other (www., m., news.). False for what cannot be parsed.
     */
    static boolean sameSite(URI page, String url) {
        String host = page.getHost() == null ? "" : page.getHost().toLowerCase(Locale.ROOT);
        String h;
        try {
            h = URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (h == null || host.isEmpty()) return false;
        h = h.toLowerCase(Locale.ROOT);
        return h.equals(host) || h.endsWith("." + host) || host.endsWith("." + h);
    }
}
