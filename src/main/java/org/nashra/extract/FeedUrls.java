package org.nashra.extract;

import java.net.URI;
import java.net.URISyntaxException;

/** Link resolution for feed items: feeds are full of relative, padded and half-encoded links. */
final class FeedUrls {
    private FeedUrls() {}

    /** {@code link} resolved against {@code base}; the link itself (trimmed) when it cannot be resolved. */
    static String resolve(URI base, String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        String trimmed = link.strip();
        URI uri = parse(trimmed);
        if (uri == null) {
            return trimmed;
        }
        if (uri.isAbsolute() || base == null || !base.isAbsolute() || base.isOpaque()) {
            return uri.toString();
        }
        try {
            return base.resolve(uri).toString();
        } catch (IllegalArgumentException e) {
            return trimmed;
        }
    }

    /** A base for further resolution, or {@code fallback} when {@code link} is no usable base. */
    static URI base(URI fallback, String link) {
        String resolved = resolve(fallback, link);
        URI uri = resolved == null ? null : parse(resolved);
        if (uri == null) {
            return fallback;
        }
        // A relative xml:base stays useful when nothing absolute is known yet.
        return uri;
    }

    static boolean isAbsoluteHttp(String link) {
        URI uri = link == null ? null : parse(link);
        return uri != null && uri.isAbsolute() && uri.getScheme() != null
                && (uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"));
    }

    static boolean isAbsolute(String link) {
        URI uri = link == null ? null : parse(link);
        return uri != null && uri.isAbsolute();
    }

    /** Parses leniently: spaces and non-ASCII characters that outlets leave in links are encoded first. */
    static URI parse(String link) {
        try {
            return new URI(link);
        } catch (URISyntaxException e) {
            try {
                return new URI(encodeLoosely(link));
            } catch (URISyntaxException again) {
                return null;
            }
        }
    }

    private static String encodeLoosely(String link) {
        StringBuilder out = new StringBuilder();
        for (char c : link.toCharArray()) {
            if (c == ' ') {
                out.append("%20");
            } else if (c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`'
                    || c == '{' || c == '|' || c == '}') {
                out.append(String.format(java.util.Locale.ROOT, "%%%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
