package org.nashra.text;

/**
 * Numbers written with reh (ر) as the decimal mark, as print-era typesetting left them in many
 * Saudi and Gulf papers: "3ر2 مليار" is 3.2 billion. The number was keyed in visual order, so in
 * the stored text its fraction comes first: the string is "2ر3". Another outlet carrying the same
 * wire writes "3.2", and the two must read as one figure.
 *
 * <p>{@link #normalize} rewrites "FRACTIONرINTEGER" (a digit run on each side of the reh, and no
 * letter or digit around them but a one-letter prefix) to "INTEGER.FRACTION". A fraction of
 * exactly "000" is the thousands grouping these papers also write this way ("000ر22" is 22,000),
 * and is joined without a point. Digits stay in their script. Other text is returned as it is,
 * the same instance when nothing matches.
 */
public final class RehDecimals {
    private static final char REH = '\u0631';

    private RehDecimals() {}

    public static String normalize(String s) {
        if (s == null) return null;
        StringBuilder out = null;
        int copied = 0;
        for (int i = s.indexOf(REH); i >= 0; i = s.indexOf(REH, i + 1)) {
            int fracStart = i;
            while (fracStart > 0 && Character.isDigit(s.charAt(fracStart - 1))) fracStart--;
            int intEnd = i + 1;
            while (intEnd < s.length() && Character.isDigit(s.charAt(intEnd))) intEnd++;
            if (fracStart == i || intEnd == i + 1 || fracStart < copied) continue;
            if (fracStart > 0 && Character.isLetterOrDigit(s.charAt(fracStart - 1)) && !afterClitic(s, fracStart)) continue;
            if (intEnd < s.length() && Character.isLetterOrDigit(s.charAt(intEnd))) continue;
            if (out == null) out = new StringBuilder(s.length());
            out.append(s, copied, fracStart);
            out.append(s, i + 1, intEnd);
            if (!isThousandsGroup(s, fracStart, i)) out.append('.');
            out.append(s, fracStart, i);
            copied = intEnd;
            i = intEnd - 1;
        }
        if (out == null) return s;
        return out.append(s, copied, s.length()).toString();
    }

    /** A one-letter prefix (و ب ل ف ك) starting the word: "و2ر3" is "and 3.2". */
    private static boolean afterClitic(String s, int at) {
        return "وبلفك".indexOf(s.charAt(at - 1)) >= 0 && (at == 1 || !Character.isLetterOrDigit(s.charAt(at - 2)));
    }

    private static boolean isThousandsGroup(String s, int from, int to) {
        if (to - from != 3) return false;
        for (int i = from; i < to; i++) if (Character.digit(s.charAt(i), 10) != 0) return false;
        return true;
    }
}
