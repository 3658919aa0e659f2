package org.nashra.extract;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Feed bytes to text when no HTTP header says otherwise (files, tests): byte order mark first, then
 * the XML declaration's encoding (unless the bytes are valid multi-byte UTF-8 anyway), else UTF-8
 * (XML 1.0 appendix F; RFC 8259 for JSON).
 */
public final class FeedDecoder {
    private static final Pattern DECLARED = Pattern.compile(
            "^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._:-]*)[\"']");

    private FeedDecoder() {}

    /** The charset the bytes declare (BOM, then XML declaration), or UTF-8. */
    public static Charset charsetOf(byte[] bytes) {
        Charset bom = bomCharset(bytes);
        if (bom != null) {
            return bom;
        }
        if (startsWith(bytes, 0x3C, 0x00, 0x3F, 0x00)) {
            return StandardCharsets.UTF_16LE;
        }
        if (startsWith(bytes, 0x00, 0x3C, 0x00, 0x3F)) {
            return StandardCharsets.UTF_16BE;
        }
        // The declaration is ASCII in every ASCII-compatible charset, so Latin-1 reads it faithfully.
        String head = new String(bytes, 0, Math.min(bytes.length, 256), StandardCharsets.ISO_8859_1);
        Matcher m = DECLARED.matcher(head);
        if (m.find()) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            try {
                Charset declared = Charset.forName(name);
                // A declaration of UTF-16 on bytes that were readable ASCII is a lie; stay with UTF-8.
                if (declared.name().startsWith("UTF-16") || declared.name().startsWith("UTF-32")) {
                    return StandardCharsets.UTF_8;
                }
                // CMS templates keep a legacy declaration after the site moved to UTF-8. Arabic in
                // windows-1256 or ISO-8859-6 is never valid multi-byte UTF-8, so valid UTF-8 wins.
                if (!declared.equals(StandardCharsets.UTF_8) && isMultiByteUtf8(bytes)) {
                    return StandardCharsets.UTF_8;
                }
                return declared;
            } catch (IllegalArgumentException unknownOrIllegal) {
                return StandardCharsets.UTF_8;
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** The text of the bytes, without a byte order mark; undecodable bytes become U+FFFD. */
    public static String decode(byte[] bytes) {
        Charset charset = charsetOf(bytes);
        int skip = bomLength(bytes);
        return new String(bytes, skip, bytes.length - skip, charset);
    }

    private static boolean isMultiByteUtf8(byte[] bytes) {
        boolean nonAscii = false;
        for (byte b : bytes) {
            if (b < 0) {
                nonAscii = true;
                break;
            }
        }
        if (!nonAscii) {
            return false;
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static Charset bomCharset(byte[] b) {
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
            return StandardCharsets.UTF_8;
        }
        if (startsWith(b, 0xFE, 0xFF)) {
            return StandardCharsets.UTF_16BE;
        }
        if (startsWith(b, 0xFF, 0xFE)) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private static int bomLength(byte[] b) {
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
            return 3;
        }
        return startsWith(b, 0xFE, 0xFF) || startsWith(b, 0xFF, 0xFE) ? 2 : 0;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
