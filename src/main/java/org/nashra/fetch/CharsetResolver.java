package org.nashra.fetch;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides how to decode a body, on bytes alone (plus what the source and the server declared).
 *
 * <p>Order: the source's configured override; a byte-order mark; the declaration (HTTP header, then the
 * XML declaration or HTML meta); detection with ICU4J. A BOM is taken before the header because it cannot
 * be there by accident (WHATWG encoding sniffing does the same). A declaration is checked against the
 * bytes before it is believed: Arabic outlets often send windows-1256 with a server-default ISO-8859-1 or
 * UTF-8 label, and legacy-labelled pages that were re-saved as UTF-8.
 */
public final class CharsetResolver {

    /** The chosen charset and why, e.g. {@code header}, or {@code detected: header said ISO-8859-1 ...}. */
    public record Decision(Charset charset, String reason) {}

    /** How far into the body in-document declarations are looked for (HTML spec: 1024; feeds put it first). */
    private static final int SNIFF_BYTES = 4096;

    /** Detector answers below this are not trusted over a default. */
    private static final int MIN_CONFIDENCE = 10;

    private static final Pattern XML_DECL = Pattern.compile(
            "^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']", Pattern.CASE_INSENSITIVE);
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

    /** Labels that servers and CMSs put on by default, whatever the page really is. */
    private static final Set<String> LATIN_LABELS = Set.of("ISO-8859-1", "WINDOWS-1252", "US-ASCII");

    private static final Charset WINDOWS_1256 = Charset.forName("windows-1256");
    private static final Charset ISO_8859_6 = Charset.forName("ISO-8859-6");

    /**
     * @param bytes         the (decompressed) body
     * @param headerCharset the charset parameter of the Content-Type header, or null
     * @param override      the charset configured for the source, or null
     */
    public Decision resolve(byte[] bytes, String headerCharset, String override) {
        Charset forced = lookup(override);
        if (forced != null) {
            return new Decision(forced, "override");
        }
        Charset bom = bomCharset(bytes);
        if (bom != null) {
            return new Decision(bom, "bom");
        }
        Charset header = lookup(headerCharset);
        if (header != null) {
            return checkDeclared(bytes, header, "header");
        }
        String head = new String(bytes, 0, Math.min(bytes.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
        Charset xml = inDocument(XML_DECL, head);
        if (xml != null) {
            return checkDeclared(bytes, xml, "xml-declaration");
        }
        Charset meta = inDocument(META_CHARSET, head);
        if (meta != null) {
            return checkDeclared(bytes, meta, "html-meta");
        }
        return undeclared(bytes);
    }

    /** Convenience for bytes with no declaration from outside. */
    public Decision resolve(byte[] bytes) {
        return resolve(bytes, null, null);
    }

    /** A saved file's text: charset resolved as for a response without headers, BOM dropped. */
    public String decode(byte[] bytes, String override) {
        String s = new String(bytes, resolve(bytes, null, override).charset());
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private Decision checkDeclared(byte[] bytes, Charset declared, String how) {
        boolean utf8Declared = declared.equals(StandardCharsets.UTF_8);
        Utf8 utf8 = utf8Shape(bytes);
        if (utf8Declared) {
            if (utf8 != Utf8.INVALID) {
                return new Decision(declared, how);
            }
            int[] shape = Utf8OrWindows1256.shape(bytes);
            if (shape[0] > shape[1]) {
                // mostly UTF-8 with a spliced-in legacy part: each part read as what it is
                return new Decision(Utf8OrWindows1256.INSTANCE, "mixed: " + how + " said UTF-8; " + shape[1]
                        + " bytes are not UTF-8 beside " + shape[0] + " UTF-8 sequences, and read as windows-1256");
            }
            Decision detected = detectArabicSingleByte(bytes);
            if (detected != null) {
                return new Decision(detected.charset(), "detected: " + how + " said UTF-8 but the bytes are not"
                        + " valid UTF-8; they read as " + detected.charset().name());
            }
            return new Decision(declared, how);
        }
        if (utf8 == Utf8.VALID_MULTIBYTE && !isUnicodeFamily(declared)) {
            // Legacy bytes of Arabic text are practically never valid UTF-8 by chance.
            return new Decision(StandardCharsets.UTF_8, "utf-8-valid: " + how + " said " + declared.name()
                    + " but the bytes are valid UTF-8");
        }
        if (LATIN_LABELS.contains(declared.name().toUpperCase(Locale.ROOT)) && manyHighBytes(bytes)) {
            Decision detected = detectArabicSingleByte(bytes);
            if (detected != null) {
                return new Decision(detected.charset(), "detected: " + how + " said " + declared.name()
                        + " but the bytes read as " + detected.charset().name() + " Arabic");
            }
        }
        return new Decision(declared, how);
    }

    private Decision undeclared(byte[] bytes) {
        if (utf8Shape(bytes) != Utf8.INVALID) {
            return new Decision(StandardCharsets.UTF_8, "utf-8-valid");
        }
        CharsetMatch best = detector(bytes, null).detect();
        Charset detected = best == null || best.getConfidence() < MIN_CONFIDENCE ? null : lookup(best.getName());
        if (detected != null && LATIN_LABELS.contains(detected.name().toUpperCase(Locale.ROOT))
                && manyHighBytes(bytes)) {
            Decision arabic = detectArabicSingleByte(bytes);
            if (arabic != null) {
                return new Decision(arabic.charset(), "detected");
            }
        }
        if (detected != null) {
            return new Decision(detected, "detected");
        }
        // An Arabic aggregator's likeliest legacy encoding.
        return new Decision(WINDOWS_1256, "default");
    }

    /** The Arabic single-byte charset the detector ranks highest, if it ranks one at all. */
    private static Decision detectArabicSingleByte(byte[] bytes) {
        CharsetMatch[] all = detector(bytes, null).detectAll();
        for (CharsetMatch m : all) {
            Charset cs = lookup(m.getName());
            if (cs != null && (cs.equals(WINDOWS_1256) || cs.equals(ISO_8859_6)) && m.getConfidence() > 0) {
                return new Decision(cs, "detected");
            }
        }
        return null;
    }

    private static CharsetDetector detector(byte[] bytes, String hint) {
        CharsetDetector d = new CharsetDetector();
        if (hint != null) {
            d.setDeclaredEncoding(hint);
        }
        d.enableInputFilter(true); // skip markup so tags do not vote
        d.setText(bytes);
        return d;
    }

    private enum Utf8 { INVALID, ASCII_ONLY, VALID_MULTIBYTE }

    private static Utf8 utf8Shape(byte[] bytes) {
        boolean high = false;
        for (byte b : bytes) {
            if (b < 0) {
                high = true;
                break;
            }
        }
        if (!high) {
            return Utf8.ASCII_ONLY;
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return Utf8.VALID_MULTIBYTE;
        } catch (CharacterCodingException e) {
            return Utf8.INVALID;
        }
    }

    /**
     * Arabic letters sit in 0xC0-0xFF in both windows-1256 and ISO-8859-6; in real Latin-1 text accented
     * letters are a small share of the letters.
     */
    private static boolean manyHighBytes(byte[] bytes) {
        int high = 0;
        int letters = 0;
        for (byte b : bytes) {
            int u = b & 0xFF;
            if (u >= 0xC0) {
                high++;
                letters++;
            } else if ((u | 0x20) >= 'a' && (u | 0x20) <= 'z') {
                letters++;
            }
        }
        return high >= 8 && high * 5 >= letters;
    }

    private static boolean isUnicodeFamily(Charset cs) {
        return cs.name().toUpperCase(Locale.ROOT).startsWith("UTF-");
    }

    private static Charset bomCharset(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 4 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE && b[2] == 0 && b[3] == 0) {
            return lookup("UTF-32LE");
        }
        if (b.length >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xFF) == 0xFE && (b[3] & 0xFF) == 0xFF) {
            return lookup("UTF-32BE");
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private static Charset inDocument(Pattern p, String head) {
        Matcher m = p.matcher(head);
        if (!m.find()) {
            return null;
        }
        Charset cs = lookup(m.group(1));
        // A UTF-16 label inside ASCII-readable bytes is a lie (no BOM, yet we could read the label).
        return cs != null && cs.name().toUpperCase(Locale.ROOT).startsWith("UTF-16") ? StandardCharsets.UTF_8 : cs;
    }

    /** The charset for a label, or null when the label is empty or unknown to this JVM. */
    static Charset lookup(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.trim().replace("\"", "").replace("'", "");
        try {
            return Charset.forName(n);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
