package org.nashra.text;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.ar.ArabicNormalizer;
import org.apache.lucene.analysis.ar.ArabicStemmer;

/**
 * The spelling-insensitive key of a text: one line of space-separated tokens in which the
 * variants Arabic writers use for one word compare equal.
 *
 * <p>Folding is one pass over the characters through a 64K lookup table. The table is built
 * once by running every BMP character through Lucene's {@link ArabicNormalizer} (alef with
 * hamza or madda to bare alef, alef maksura to yeh, teh marbuta to heh, tatweel and harakat
 * removed), then adding what Lucene leaves alone: alef wasla, every other non-spacing mark
 * (superscript alef, Quranic marks), hamza carriers, Persian yeh and keheh, decimal digits of
 * every script to ASCII, Latin lower-casing (Unicode default mapping, never the JVM locale),
 * and presentation forms to their letters. Everything that is not a letter, digit or mark
 * separates tokens. Building this per call through a Lucene Analyzer would be several times
 * slower; the key is computed for every item.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class MatchingKey {

    /** What to do with hamza on waw and yeh (ؤ ئ), which writers often drop or swap. */
    public enum HamzaCarriers {
        /** ؤ to و, ئ to ي: "مؤتمر" and "موتمر", "شاطئ" and "شاطى" then compare equal. */
        FOLD,
        /** Keep ؤ and ئ as written. */
        KEEP
    }

    /** The key used across Nashra: hamza carriers folded. */
    public static final MatchingKey DEFAULT = new MatchingKey(HamzaCarriers.FOLD);

    private static final char DROP = '\uFFFF';
    private static final char SEPARATOR = '\uFFFE';
    private static final char EXPAND = '\uFFFD';

    private final HamzaCarriers hamza;
    private final char[] table;
    private final CharArraySet stopwords;

    public MatchingKey(HamzaCarriers hamza) {
        this.hamza = java.util.Objects.requireNonNull(hamza, "hamza");
        this.table = buildTable(hamza);
        this.stopwords = buildStopwords();
    }

    public HamzaCarriers hamzaCarriers() {
        return hamza;
    }

    /** The key: folded tokens joined by single spaces; "" for null or text without words. */
    public String key(String s) {
        if (s == null || s.isEmpty()) return "";
        StringBuilder out = new StringBuilder(s.length());
        appendKey(s, out);
        return out.toString();
    }

    /** The key's tokens, in order. */
    public List<String> tokens(String s) {
        String key = key(s);
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= key.length(); i++) {
            if (i == key.length() || key.charAt(i) == ' ') {
                if (i > start) out.add(key.substring(start, i));
                start = i + 1;
            }
        }
        return out;
    }

    /**
     * Tokens for search: the key's tokens without Lucene's Arabic stopwords (folded the same
     * way), each through Lucene's light stemmer (Larkey's light10: ال/وال/بال... prefixes, ها/ان/
     * ات/ون/ين/يه/ه/ي suffixes).
     */
    public List<String> searchTokens(String s) {
        List<String> out = new ArrayList<>();
        if (s == null || s.isEmpty()) return out;
        StringBuilder key = new StringBuilder(s.length());
        appendKey(s, key);
        char[] buf = new char[key.length()];
        key.getChars(0, key.length(), buf, 0);
        ArabicStemmer stemmer = STEMMER;
        int start = 0;
        for (int i = 0; i <= buf.length; i++) {
            if (i == buf.length || buf[i] == ' ') {
                int len = i - start;
                if (len > 0 && !stopwords.contains(buf, start, len)) {
                    char[] tok = new char[len];
                    System.arraycopy(buf, start, tok, 0, len);
                    int stemmed = stemmer.stem(tok, len);
                    if (stemmed > 0) out.add(new String(tok, 0, stemmed));
                }
                start = i + 1;
            }
        }
        return out;
    }

    /** Appends the key of {@code s} to {@code out}; the hot path, no allocation per character. */
    public void appendKey(CharSequence s, StringBuilder out) {
        boolean inToken = false;
        boolean needSpace = false; // a token was written and a separator followed it
        final char[] t = table;
        final int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            char f = t[c];
            if (f < EXPAND) {
                if (needSpace) out.append(' ');
                needSpace = false;
                out.append(f);
                inToken = true;
            } else if (f == DROP) {
                continue;
            } else if (f == SEPARATOR) {
                if (inToken && isNumberSeparator(c) && i + 1 < n && isAsciiDigit(out.charAt(out.length() - 1))
                        && Character.isDigit(s.charAt(i + 1))) {
                    // 1,200 and 3.5 stay one token: the decimal point is kept, grouping dropped
                    if (c == '.' || c == '\u066B') out.append('.');
                    continue;
                }
                if (inToken) needSpace = true;
                inToken = false;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                int type = Character.getType(cp);
                if (Character.isLetterOrDigit(cp)) {
                    if (needSpace) out.append(' ');
                    needSpace = false;
                    out.appendCodePoint(Character.isDigit(cp) ? '0' + Character.digit(cp, 10) : Character.toLowerCase(cp));
                    inToken = true;
                } else if (type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK
                        && type != Character.FORMAT) {
                    if (inToken) needSpace = true;
                    inToken = false;
                }
            } else if (!Character.isSurrogate(c)) {
                String letters = PresentationForms.anyLetters(c);
                for (int j = 0; j < letters.length(); j++) {
                    char g = t[letters.charAt(j)];
                    if (g < EXPAND) {
                        if (needSpace) out.append(' ');
                        needSpace = false;
                        out.append(g);
                        inToken = true;
                    } else if (g == SEPARATOR) {
                        if (inToken) needSpace = true;
                        inToken = false;
                    }
                }
            } else {
                if (inToken) needSpace = true; // unpaired surrogate
                inToken = false;
            }
        }
    }

    private static boolean isNumberSeparator(char c) {
        return c == '.' || c == ',' || c == '\u066B' || c == '\u066C';
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static char[] buildTable(HamzaCarriers hamza) {
        ArabicNormalizer lucene = new ArabicNormalizer();
        char[] t = new char[65536];
        char[] one = new char[1];
        for (int c = 0; c < 65536; c++) {
            char ch = (char) c;
            if (Character.isSurrogate(ch)) {
                t[c] = EXPAND;
                continue;
            }
            one[0] = ch;
            if (lucene.normalize(one, 1) == 0) {
                t[c] = DROP;
                continue;
            }
            if (ch >= PresentationForms.FIRST && PresentationForms.anyLetters(ch) != null) {
                t[c] = EXPAND; // ligatures, Arabic presentation forms, fullwidth Latin
                continue;
            }
            t[c] = fold(one[0], hamza);
        }
        return t;
    }

    private static char fold(char c, HamzaCarriers hamza) {
        switch (c) {
            case '\u0671': return '\u0627'; // alef wasla
            case '\u0672': case '\u0673': case '\u0675': return '\u0627'; // wavy hamza alefs
            case '\u06CC': return '\u064A'; // Farsi yeh (Persian keyboards)
            case '\u06A9': return '\u0643'; // keheh
            case '\u0640': return DROP; // tatweel (also dropped by Lucene; not a mark)
            case '\u0624': return hamza == HamzaCarriers.FOLD ? '\u0648' : c;
            case '\u0626': return hamza == HamzaCarriers.FOLD ? '\u064A' : c;
            default:
        }
        int type = Character.getType(c);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return DROP;
        }
        if (Character.isDigit(c)) return (char) ('0' + Character.digit(c, 10));
        if (Character.isLetter(c) || type == Character.COMBINING_SPACING_MARK) {
            return Character.toLowerCase(c);
        }
        return SEPARATOR;
    }

    private CharArraySet buildStopwords() {
        CharArraySet lucene = ArabicAnalyzer.getDefaultStopSet();
        CharArraySet folded = new CharArraySet(lucene.size() * 2, false);
        for (Object w : lucene) {
            String word = w instanceof char[] ? new String((char[]) w) : w.toString();
            String k = key(word);
            if (!k.isEmpty() && k.indexOf(' ') < 0) folded.add(k);
        }
        return CharArraySet.unmodifiableSet(folded);
    }

    private static final ArabicStemmer STEMMER = new ArabicStemmer();
}
