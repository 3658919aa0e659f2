package org.nashra.extract;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Link resolution for feed items: feeds are full of relative, padded and half-encoded links. */
final class FeedUrls {
    /** RFC 3986 section 3.1. */
    private static final Pattern SCHEME = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*):");

    /** Marks a link made for an item that has none: {@link #guidStandIn}. */
    private static final String GUID_FRAGMENT = "#guid=";

    private FeedUrls() {}

    /** The feed's address with {@code guid} as its fragment: a stable, unique link for an item without one. */
    static String guidStandIn(URI base, String guid) {
        String b = base.toString();
        int hash = b.indexOf('#');
        return (hash >= 0 ? b.substring(0, hash) : b) + GUID_FRAGMENT + URLEncoder.encode(guid, StandardCharsets.UTF_8);
    }

    static boolean isGuidStandIn(String link) {
        return link != null && link.contains(GUID_FRAGMENT);
    }

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

    /**
     * The scheme of a link that can be no item's web page (javascript:, data:, vbscript:, mailto:...),
     * lower-cased; null for an http(s) or relative link. Read as browsers read it (WHATWG URL): leading
     * controls and spaces are ignored and tabs and newlines removed, so "java&#9;script:" is javascript:.
     */
    static String foreignScheme(String link) {
        if (link == null) {
            return null;
        }
        Matcher m = SCHEME.matcher(link.replaceAll("[\\t\\n\\r]", "").replaceFirst("^[\\x00-\\x20]+", ""));
        if (!m.lookingAt()) {
            return null;
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https") ? null : scheme;
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
