package org.nashra.text;

import java.text.Normalizer;

/**
 * Compatibility folding restricted to presentation-form blocks, so that ligatures such as ﻻ
 * become their letters while other compatibility characters (², ½, ℃...) stay as written.
 * The table is filled once from {@link Normalizer} NFKC; lookups are then array reads.
 */
final class PresentationForms {
    /** First and last code unit covered: Alphabetic Presentation Forms .. Halfwidth/Fullwidth. */
    static final char FIRST = '\uFB00';
    static final char LAST = '\uFFEF';

    private static final String[] ALL = table(false);
    private static final String[] ARABIC_ONLY = table(true);

    private PresentationForms() {}

    /** Arabic presentation forms A and B only (U+FB50–U+FDFF, U+FE70–U+FEFF): for display. */
    static boolean isArabicPresentationForm(char c) {
        return (c >= '\uFB50' && c <= '\uFDFF') || (c >= '\uFE70' && c <= '\uFEFE');
    }

    /** The letters an Arabic presentation form stands for, or null when it has none. */
    static String arabicLetters(char c) {
        return c >= FIRST && c <= LAST ? ARABIC_ONLY[c - FIRST] : null;
    }

    /** Letters for any presentation or width form (Latin ligatures, fullwidth Latin too): for keys. */
    static String anyLetters(char c) {
        return c >= FIRST && c <= LAST ? ALL[c - FIRST] : null;
    }

    private static String[] table(boolean arabicOnly) {
        String[] t = new String[LAST - FIRST + 1];
        for (char c = FIRST; c <= LAST && c >= FIRST; c++) {
            if (arabicOnly && !isArabicPresentationForm(c)) continue;
            if (Character.getType(c) == Character.UNASSIGNED) continue;
            String s = String.valueOf(c);
            String k = Normalizer.normalize(s, Normalizer.Form.NFKC);
            if (k.equals(s)) continue;
            // Isolated harakat (U+FE70..) decompose to SPACE + mark; the space is an artefact of
            // the isolated glyph, so the mark is attached to the preceding letter instead.
            if (k.length() > 1 && k.charAt(0) == ' ' && Character.getType(k.charAt(1)) == Character.NON_SPACING_MARK) {
                k = k.substring(1);
            }
            t[c - FIRST] = k;
        }
        return t;
    }
}
