package org.nashra.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Arabic text in two forms: the display form keeps what the outlet wrote, the matching key folds
 * spelling variants so that copies of one text compare equal. FIRST VERSION: to be completed by
 * the text stage (presentation forms, Lucene normalizer and stemmer, stopwords).
 */
public final class ArabicText {
    private ArabicText() {}

    /** NFC, control characters dropped, whitespace collapsed; every letter and diacritic kept. */
    public static String display(String s) {
        if (s == null || s.isEmpty()) return "";
        String n = Normalizer.normalize(s, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(n.length());
        boolean space = false;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c == '\n') {
                trimTrailingSpace(out);
                if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') out.append('\n');
                space = false;
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0 && out.charAt(out.length() - 1) != '\n';
            } else if (Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT) {
                // bidi marks and zero-width characters carry no meaning in running text
            } else {
                if (space) out.append(' ');
                space = false;
                out.append(c);
            }
        }
        trimTrailingSpace(out);
        return out.toString();
    }

    private static void trimTrailingSpace(StringBuilder b) {
        while (b.length() > 0 && (b.charAt(b.length() - 1) == ' ' || b.charAt(b.length() - 1) == '\n')) {
            b.setLength(b.length() - 1);
        }
    }

    /** Spelling-insensitive form for matching: one line of space-separated tokens. */
    public static String matchingKey(String s) {
        return String.join(" ", tokens(s));
    }

    /** Matching-key tokens. */
    public static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        if (s == null) return out;
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
        StringBuilder tok = new StringBuilder();
        for (int i = 0; i < n.length(); i++) {
            char c = fold(n.charAt(i));
            if (c == 0) continue;
            if (Character.isLetterOrDigit(c)) {
                tok.append(c);
            } else if (tok.length() > 0) {
                out.add(tok.toString());
                tok.setLength(0);
            }
        }
        if (tok.length() > 0) out.add(tok.toString());
        return out;
    }

    /** Folds one character; 0 drops it. */
    private static char fold(char c) {
        switch (c) {
            case 'أ': case 'إ': case 'آ': case 'ٱ': return 'ا';
            case 'ى': return 'ي';
            case 'ة': return 'ه';
            case 'ؤ': return 'و';
            case 'ئ': return 'ي';
            case 'ـ': return 0; // tatweel
            default:
        }
        if (c >= '\u064B' && c <= '\u065F' || c == '\u0670') return 0; // harakat, superscript alef
        if (c >= '٠' && c <= '٩') return (char) ('0' + (c - '٠'));
        if (c >= '۰' && c <= '۹') return (char) ('0' + (c - '۰'));
        return Character.toLowerCase(c) == c ? c : String.valueOf(c).toLowerCase(Locale.ROOT).charAt(0);
    }
}
