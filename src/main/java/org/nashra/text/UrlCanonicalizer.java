package org.nashra.text;

import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One spelling per article link, so that the same article reached through a newsletter, a
 * social share or an AMP page has one key. The original link is kept elsewhere for display.
 *
 * <p>What changes: scheme and host lower-cased (host in its ASCII/punycode form), default ports,
 * fragments, empty path segments (so the trailing slash), and tracking parameters dropped, AMP variants mapped to the article, percent-encoding
 * made uniform (octets that are unreserved characters decoded, raw Arabic and every other
 * non-ASCII character encoded as UTF-8 with upper-case hex, RFC 3986 section 6.2.2), remaining
 * query parameters sorted. Input that is not an absolute http(s) URL comes back unchanged.
 */
public final class UrlCanonicalizer {
    private UrlCanonicalizer() {}

    private static final Pattern URL = Pattern.compile(
            "^([a-zA-Z][a-zA-Z0-9+.-]*)://([^/?#]*)([^?#]*)(?:\\?([^#]*))?(?:#(.*))?$", Pattern.DOTALL);
    private static final Pattern AUTHORITY = Pattern.compile("^(?:([^@]*)@)?(\\[[^\\]]*\\]|[^:]*)(?::(\\d*))?$");

    private static final Pattern HOST_CHARS = Pattern.compile("[a-z0-9._%\\-\\u0080-\\uFFFF]+");

    private static final Set<String> TRACKING = Set.of(
            "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid", "mc_eid", "yclid",
            "igshid", "igsh", "_ga", "_gl", "_hsenc", "_hsmi", "__hssc", "__hstc", "__hsfp", "hsctatracking",
            "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "vero_conv", "wickedid", "twclid", "ttclid",
            "li_fat_id", "s_cid", "ncid", "sr_share", "ref_src", "ref_url", "rb_clickid", "_openstat",
            "cmpid", "at_medium", "at_campaign", "spm", "share", "fb_action_ids", "fb_action_types",
            "fb_ref", "fb_source", "action_object_map", "action_type_map", "action_ref_map", "ito", "xtor");
    /** Values of {@code ref}, {@code source}, {@code from} that only say where the click came from. */
    private static final Pattern TRACKING_REF_VALUE = Pattern.compile(
            "(?i)(rss|feed|feeds|newsletter|twitter|tw|twsrc.*|facebook|fb|whatsapp|telegram|instagram|"
                    + "linkedin|social|share|homepage|home|push|app|android|ios|email|mail|google|gnews|nabd)");

    /** Never throws; returns {@code url} unchanged when it cannot be read as an http(s) URL. */
    public static String canonicalize(String url) {
        if (url == null) return null;
        try {
            String c = canonicalizeOrNull(url.strip());
            return c == null ? url : c;
        } catch (RuntimeException e) {
            return url; // malformed input: the original is the best key we have
        }
    }

    private static String canonicalizeOrNull(String url) {
        Matcher m = URL.matcher(url);
        if (!m.matches()) return null;
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) return null;
        Matcher a = AUTHORITY.matcher(m.group(2));
        if (!a.matches()) return null;
        String host = host(a.group(2));
        if (host.isEmpty()) return null;
        boolean amp = false;
        if (host.startsWith("amp.") && host.indexOf('.', 4) > 0) {
            host = host.substring(4);
            amp = true;
        }
        String port = a.group(3);
        if (port != null && (port.isEmpty() || (scheme.equals("http") && port.equals("80"))
                || (scheme.equals("https") && port.equals("443")))) {
            port = null;
        }
        StringBuilder out = new StringBuilder(url.length() + 16);
        out.append(scheme).append("://");
        if (a.group(1) != null) out.append(a.group(1)).append('@');
        out.append(host);
        if (port != null) out.append(':').append(Integer.parseInt(port));
        out.append(path(m.group(3)));
        String query = query(m.group(4));
        if (!query.isEmpty()) out.append('?').append(query);
        return out.toString();
    }

    private static String host(String raw) {
        String h = raw.toLowerCase(Locale.ROOT);
        while (h.endsWith(".")) h = h.substring(0, h.length() - 1); // the root label is implied
        if (h.startsWith("[")) return h;
        if (!HOST_CHARS.matcher(h).matches()) return ""; // "example.org&=x": not a host
        String decoded = decodeAll(h);
        // "example.org%2f" decodes to a host with a slash in it: not a host
        if (decoded.chars().anyMatch(c -> "/\\?#@:%".indexOf(c) >= 0 || Character.isWhitespace(c))) return "";
        try {
            return IDN.toASCII(decoded, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return h;
        }
    }

    private static String path(String raw) {
        if (raw.isEmpty()) return "/";
        String[] segments = raw.split("/", -1);
        List<String> out = new ArrayList<>();
        for (int i = 1; i < segments.length; i++) {
            String seg = segments[i];
            if (seg.equals(".")) continue;
            if (seg.equals("..")) {
                if (!out.isEmpty()) out.remove(out.size() - 1);
                continue;
            }
            String norm = normalizeEncoding(seg, false);
            String lower = norm.toLowerCase(Locale.ROOT);
            if (lower.equals("amp") || lower.equals("amphtml")) {
                continue; // /news/amp/123, /news/123/amp/
            }
            norm = stripAmpSuffix(norm);
            if (norm.isEmpty()) continue; // "//" and the trailing slash: servers answer both alike
            out.add(norm);
        }
        StringBuilder b = new StringBuilder();
        for (String s : out) b.append('/').append(s);
        if (b.length() == 0) return "/";
        return b.toString();
    }

    /** "article.amp.html" and "123.amp" to "article.html" and "123"; "-amp" suffixes too. */
    private static String stripAmpSuffix(String seg) {
        String lower = seg.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".amp.html") || lower.endsWith(".amp.htm")) {
            return seg.substring(0, lower.lastIndexOf(".amp.")) + seg.substring(lower.lastIndexOf(".amp.") + 4);
        }
        if (lower.endsWith(".amp") && seg.length() > 4) return seg.substring(0, seg.length() - 4);
        return seg;
    }

    private record Param(String name, String value, String text) {}

    private static String query(String raw) {
        if (raw == null || raw.isEmpty()) return "";
        List<Param> params = new ArrayList<>();
        for (String part : raw.split("[&;]")) {
            if (part.isEmpty()) continue;
            int eq = part.indexOf('=');
            String name = normalizeEncoding(eq < 0 ? part : part.substring(0, eq), true);
            String value = eq < 0 ? null : normalizeEncoding(part.substring(eq + 1), true);
            if (isTracking(name, value)) continue;
            params.add(new Param(name, value, value == null ? name : name + "=" + value));
        }
        params.sort(Comparator.comparing(Param::name).thenComparing(p -> p.value == null ? "" : p.value));
        StringBuilder b = new StringBuilder();
        for (Param p : params) {
            if (b.length() > 0) b.append('&');
            b.append(p.text);
        }
        return b.toString();
    }

    private static boolean isTracking(String encodedName, String value) {
        String name = decodeAll(encodedName).toLowerCase(Locale.ROOT);
        if (name.startsWith("utm_") || name.startsWith("ga_") || name.startsWith("pk_") || name.startsWith("mtm_")
                || name.startsWith("hmb_") || TRACKING.contains(name)) {
            return true;
        }
        String v = value == null ? "" : decodeAll(value).toLowerCase(Locale.ROOT);
        switch (name) {
            case "amp":
                return value == null || v.isEmpty() || v.equals("1") || v.equals("true") || v.equals("yes");
            case "outputtype":
            case "output":
            case "format":
                return v.equals("amp");
            case "ref":
            case "source":
            case "src":
            case "from":
            case "via":
                return TRACKING_REF_VALUE.matcher(v).matches();
            default:
                return false;
        }
    }

    // RFC 3986 unreserved: ALPHA DIGIT - . _ ~
    private static boolean unreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static boolean keptAsIs(int c, boolean query) {
        if (unreserved(c)) return true;
        switch (c) {
            case '!': case '$': case '\'': case '(': case ')': case '*': case ',': case ':': case '@':
            case '+': case '=':
                return true;
            case '/': case '?':
                return query;
            default:
                return false;
        }
    }

    /**
     * One percent-encoding: escaped octets of unreserved characters decoded, every other escape
     * in upper-case hex, raw non-ASCII characters (Arabic written straight into the link) and
     * unsafe ASCII encoded as UTF-8. Decoding valid UTF-8 and encoding it again yields the same
     * octets, so non-ASCII escapes only need their hex upper-cased. Escaped reserved characters
     * (%2F, %26, %3D...) stay escaped: decoded they would mean something else.
     */
    static String normalizeEncoding(String s, boolean query) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                int b = hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2));
                if (unreserved(b)) out.append((char) b);
                else appendHex(out, b);
                i += 3;
                continue;
            }
            int cp = s.codePointAt(i);
            if (cp < 0x80 && keptAsIs(cp, query)) {
                out.append((char) cp);
            } else {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) appendHex(out, b & 0xFF);
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static void appendHex(StringBuilder out, int b) {
        out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    /** Percent-decoding for comparisons only; invalid UTF-8 leaves the text as it was. */
    private static String decodeAll(String s) {
        if (s.indexOf('%') < 0) return s;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                bytes.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer cb = d.decode(ByteBuffer.wrap(bytes.toByteArray()));
            return cb.toString();
        } catch (CharacterCodingException e) {
            return s;
        }
    }
}
