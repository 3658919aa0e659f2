package org.nashra.text;

import java.text.Normalizer;

/**
 * The display form: what the outlet wrote, minus invisible noise. Letters and diacritics are
 * never removed; only presentation forms are replaced by the letters they draw.
 *
 * <p>Zero-width joiner/non-joiner (U+200D/U+200C) are kept between two visible characters:
 * there they change shaping (Persian and Kurdish names written with ZWNJ, emoji ZWJ sequences)
 * and so carry meaning; at a word edge or next to a space they do nothing and are dropped.
 * Bidi controls (LRM, RLM, ALM, embeddings, overrides, isolates) are dropped: published entries
 * carry dir="rtl" at element level, and unbalanced controls copied from a page's markup corrupt
 * the rendering of whatever follows them.
 */
final class DisplayCleaner {
    private DisplayCleaner() {}

    static String clean(String s) {
        if (s == null || s.isEmpty()) return "";
        // NFC last: dropping an invisible character can bring two marks together that then
        // need canonical reordering
        String collapsed = collapse(foldPresentationForms(s));
        return Normalizer.isNormalized(collapsed, Normalizer.Form.NFC)
                ? collapsed : Normalizer.normalize(collapsed, Normalizer.Form.NFC);
    }

    private static String foldPresentationForms(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String letters = c >= PresentationForms.FIRST ? PresentationForms.arabicLetters(c) : null;
            if (letters != null && out == null) {
                out = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (out != null) {
                if (letters != null) out.append(letters);
                else out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    private static String collapse(String n) {
        StringBuilder out = new StringBuilder(n.length());
        boolean pendingSpace = false;
        boolean pendingBreak = false;
        int len = n.length();
        for (int i = 0; i < len; i++) {
            char c = n.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                pendingBreak = out.length() > 0;
                pendingSpace = false;
            } else if (c == '\t' || Character.isSpaceChar(c) || Character.isWhitespace(c)) {
                pendingSpace = out.length() > 0;
            } else if (isInvisible(c)) {
                // dropped: no meaning in running text
            } else if (c == '\u200C' || c == '\u200D') {
                if (out.length() > 0 && !pendingSpace && !pendingBreak && i + 1 < len && isVisible(n.charAt(i + 1))) {
                    out.append(c);
                }
            } else if (Character.getType(c) == Character.CONTROL) {
                // C0/C1 controls other than line breaks and tabs
            } else {
                if (pendingBreak) out.append('\n');
                else if (pendingSpace) out.append(' ');
                pendingBreak = false;
                pendingSpace = false;
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Format characters that never carry meaning in news text. */
    static boolean isInvisible(char c) {
        switch (c) {
            case '\u00AD': // soft hyphen
            case '\u061C': // Arabic letter mark
            case '\u180E':
            case '\u200B': case '\u200E': case '\u200F':
            case '\u202A': case '\u202B': case '\u202C': case '\u202D': case '\u202E':
            case '\u2060': case '\u2061': case '\u2062': case '\u2063': case '\u2064':
            case '\u2066': case '\u2067': case '\u2068': case '\u2069':
            case '\uFEFF': case '\uFFFE':
                return true;
            default:
                return false;
        }
    }

    private static boolean isVisible(char c) {
        return !(Character.isWhitespace(c) || Character.isSpaceChar(c) || isInvisible(c)
                || c == '\u200C' || c == '\u200D' || Character.getType(c) == Character.CONTROL);
    }
}
