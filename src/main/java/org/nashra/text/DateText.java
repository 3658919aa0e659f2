package org.nashra.text;

/**
 * Folds a date string so that one table of names serves every spelling: display-cleaned,
 * digits of every script to ASCII, diacritics and tatweel removed, alef forms to bare alef,
 * ى to ي, ة to ه, Arabic punctuation to Latin, Latin lower-cased (Unicode default mapping,
 * independent of the JVM locale), whitespace collapsed, and a space put between digits and
 * letters ("2023م", "10:30م").
 */
final class DateText {
    private DateText() {}

    static String fold(String raw) {
        return fold(raw, false);
    }

    /** As {@link #fold(String)}; with {@code keepLines} paragraph breaks stay "\n". */
    static String fold(String raw, boolean keepLines) {
        String s = DisplayCleaner.clean(raw);
        StringBuilder out = new StringBuilder(s.length() + 8);
        char prev = ' ';
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.FORMAT || c == '\u0640') continue;
            char f;
            if (Character.isDigit(c)) f = (char) ('0' + Character.digit(c, 10));
            else {
                switch (c) {
                    case 'أ': case 'إ': case 'آ': case 'ٱ': f = 'ا'; break;
                    case 'ى': f = 'ي'; break;
                    case 'ة': f = 'ه'; break;
                    case '،': f = ','; break;
                    case '؛': f = ';'; break;
                    case '٫': f = '.'; break;
                    case '\n': f = keepLines ? '\n' : ' '; break;
                    case '\t': f = ' '; break;
                    default: f = Character.toLowerCase(c);
                }
            }
            boolean digitLetter = (isDigit(prev) && Character.isLetter(f)) || (Character.isLetter(prev) && isDigit(f));
            // keep "gmt+3" and "t" of ISO together: only split digits from Arabic letters
            if (digitLetter && (isArabic(prev) || isArabic(f))) out.append(' ');
            if (f == ' ' && prev == ' ') continue;
            out.append(f);
            prev = f;
        }
        return out.toString().trim();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isArabic(char c) {
        return c >= '\u0600' && c <= '\u06FF';
    }
}
