package org.nashra.fetch;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * URLs as they go on the wire. Arabic outlets use Arabic path slugs and, sometimes, Arabic domain names;
 * HTTP wants ASCII: IDNA for the host, UTF-8 percent-encoding for the rest.
 */
final class RequestUris {

    private static final String UNSAFE = " \"<>\\^`{|}";

    private RequestUris() {}

    /** The ASCII form of a URL, without its fragment; throws when no sensible URL can be made of it. */
    static URI toAscii(URI u) throws URISyntaxException {
        URI withHost = u;
        if (u.getHost() == null && u.getRawAuthority() != null) {
            // java.net.URI leaves a non-ASCII host unparsed (registry authority); IDNA turns it into a host
            String authority = u.getRawAuthority();
            String userInfo = null;
            int at = authority.lastIndexOf('@');
            if (at >= 0) {
                userInfo = authority.substring(0, at);
                authority = authority.substring(at + 1);
            }
            int port = -1;
            int colon = authority.lastIndexOf(':');
            if (colon >= 0 && authority.indexOf(']') < colon) {
                String p = authority.substring(colon + 1);
                if (!p.isEmpty()) {
                    port = Integer.parseInt(p);
                }
                authority = authority.substring(0, colon);
            }
            String host;
            try {
                host = IDN.toASCII(authority, IDN.ALLOW_UNASSIGNED);
            } catch (IllegalArgumentException e) {
                throw new URISyntaxException(u.toString(), "host is not a valid internationalized domain name");
            }
            withHost = new URI(u.getScheme(), userInfo, host, port, u.getPath(), u.getQuery(), null);
        }
        URI ascii = URI.create(withHost.toASCIIString());
        if (ascii.getRawFragment() != null) {
            ascii = new URI(ascii.getScheme(), ascii.getRawSchemeSpecificPart(), null);
            ascii = URI.create(ascii.toASCIIString());
        }
        return ascii;
    }

    /** Resolves a Location header against the URL that sent it, tolerating what servers really send. */
    static URI resolve(URI base, String location) throws URISyntaxException {
        String loc = repairUtf8(location.strip());
        URI ref = new URI(encodeUnsafe(loc));
        URI b = base.getRawPath() == null || base.getRawPath().isEmpty() ? base.resolve("/") : base;
        return toAscii(b.resolve(ref));
    }

    /**
     * Header values reach us decoded as ISO-8859-1; a server that wrote a UTF-8 Location (an Arabic slug)
     * therefore shows up as mojibake, which browsers read back as UTF-8 when the bytes allow it.
     */
    static String repairUtf8(String s) {
        boolean high = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0xFF) {
                return s; // already real Unicode
            }
            high |= c >= 0x80;
        }
        if (!high) {
            return s;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (CharacterCodingException e) {
            return s;
        }
    }

    /** Percent-encodes characters that java.net.URI refuses but servers put in Locations anyway. */
    static String encodeUnsafe(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (UNSAFE.indexOf(c) >= 0 || c < 0x20 || c == 0x7F) {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
                }
            } else {
                sb.append(c); // non-ASCII is left to toAsciiString, which encodes it as UTF-8
            }
        }
        return sb.toString();
    }
}
