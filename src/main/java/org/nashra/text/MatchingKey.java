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
    private final StopSet stopwords;

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
        Folded f = fold(s);
        return new String(f.buf, 0, f.len);
    }

    /** Appends the key of {@code s} to {@code out}. */
    public void appendKey(CharSequence s, StringBuilder out) {
        if (s == null || s.length() == 0) return;
        Folded f = fold(s);
        out.append(f.buf, 0, f.len);
    }

    /** The key's tokens, in order. */
    public List<String> tokens(String s) {
        if (s == null || s.isEmpty()) return new ArrayList<>();
        Folded f = fold(s);
        List<String> out = new ArrayList<>(f.len / 5 + 4);
        char[] buf = f.buf;
        int start = 0;
        for (int i = 0; i <= f.len; i++) {
            if (i == f.len || buf[i] == ' ') {
                if (i > start) out.add(new String(buf, start, i - start));
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
        if (s == null || s.isEmpty()) return new ArrayList<>();
        Folded f = fold(s);
        List<String> out = new ArrayList<>(f.len / 6 + 4);
        char[] buf = f.buf;
        char[] tok = new char[32]; // the stemmer works in place on a token at offset 0
        int start = 0;
        int hash = 0;
        for (int i = 0; i <= f.len; i++) {
            if (i < f.len && buf[i] != ' ') {
                hash = 31 * hash + buf[i];
                continue;
            }
            int len = i - start;
            if (len > 0 && !stopwords.contains(buf, start, len, hash)) {
                if (len < 3 || !mayHaveAffix(buf, start, len)) {
                    out.add(new String(buf, start, len)); // the stemmer would return it unchanged
                } else {
                    if (len > tok.length) tok = new char[len];
                    System.arraycopy(buf, start, tok, 0, len);
                    int stemmed = STEMMER.stem(tok, len);
                    if (stemmed > 0) out.add(new String(tok, 0, stemmed));
                }
            }
            start = i + 1;
            hash = 0;
        }
        return out;
    }

    /** The key in a char array: tokens separated by single spaces, {@code len} chars used. */
    private static final class Folded {
        char[] buf;
        int len;

        Folded(int capacity) {
            buf = new char[capacity];
        }

        void ensure(int more) {
            if (len + more > buf.length) buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }

    /**
     * The hot path: one pass, one table read per character, output into a char array (a
     * StringBuilder would start Latin-1 and inflate on the first Arabic letter). The output is
     * never longer than the input plus one separator per character, except where a presentation
     * form expands (ﷺ is 18 letters); there the array grows.
     */
    private Folded fold(CharSequence s) {
        final int n = s.length();
        Folded f = new Folded(n + 1);
        char[] out = f.buf;
        int len = 0;
        boolean inToken = false;
        boolean needSpace = false; // a token was written and a separator followed it
        final char[] t = table;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            char g = t[c];
            if (g < EXPAND) {
                if (needSpace) out[len++] = ' ';
                needSpace = false;
                out[len++] = g;
                inToken = true;
            } else if (g == DROP) {
                continue;
            } else if (g == SEPARATOR) {
                if (inToken && isNumberSeparator(c) && i + 1 < n && isAsciiDigit(out[len - 1])
                        && Character.isDigit(s.charAt(i + 1))) {
                    // 1,200 and 3.5 stay one token: the decimal point is kept, grouping dropped
                    if (c == '.' || c == '\u066B') out[len++] = '.';
                    continue;
                }
                if (inToken) needSpace = true;
                inToken = false;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                int type = Character.getType(cp);
                if (Character.isLetterOrDigit(cp)) {
                    if (needSpace) out[len++] = ' ';
                    needSpace = false;
                    int folded = Character.isDigit(cp) ? '0' + Character.digit(cp, 10) : Character.toLowerCase(cp);
                    len += Character.toChars(folded, out, len); // at most the 2 chars it replaces
                    inToken = true;
                } else if (type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK
                        && type != Character.FORMAT) {
                    if (inToken) needSpace = true;
                    inToken = false;
                }
            } else if (!Character.isSurrogate(c)) {
                String letters = PresentationForms.anyLetters(c);
                f.len = len;
                f.ensure(2 * letters.length() + (n - i));
                out = f.buf;
                for (int j = 0; j < letters.length(); j++) {
                    char h = t[letters.charAt(j)];
                    if (h < EXPAND) {
                        if (needSpace) out[len++] = ' ';
                        needSpace = false;
                        out[len++] = h;
                        inToken = true;
                    } else if (h == SEPARATOR) {
                        if (inToken) needSpace = true;
                        inToken = false;
                    }
                }
            } else {
                if (inToken) needSpace = true; // unpaired surrogate
                inToken = false;
            }
        }
        f.len = len;
        return f;
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

    private StopSet buildStopwords() {
        CharArraySet lucene = ArabicAnalyzer.getDefaultStopSet();
        List<String> folded = new ArrayList<>();
        for (Object w : lucene) {
            String word = w instanceof char[] ? new String((char[]) w) : w.toString();
            String k = key(word);
            if (!k.isEmpty() && k.indexOf(' ') < 0) folded.add(k);
        }
        return new StopSet(folded);
    }

    /**
     * Lucene's stopwords after folding, in an open-addressing table probed with the hash that
     * searchTokens computes while it looks for the token's end: one probe for most tokens,
     * where CharArraySet would hash the token again.
     */
    private static final class StopSet {
        private final int[] hashes;
        private final char[][] words;
        private final int mask;

        StopSet(List<String> list) {
            int size = Integer.highestOneBit(Math.max(16, list.size() * 4)) << 1;
            hashes = new int[size];
            words = new char[size][];
            mask = size - 1;
            for (String w : list) {
                int h = w.hashCode(); // String.hashCode is the same 31-polynomial
                int slot = spread(h) & mask;
                while (words[slot] != null && !java.util.Arrays.equals(words[slot], w.toCharArray())) slot = (slot + 1) & mask;
                hashes[slot] = h;
                words[slot] = w.toCharArray();
            }
        }

        private static int spread(int h) {
            return h ^ (h >>> 16);
        }

        boolean contains(char[] buf, int start, int len, int hash) {
            int slot = spread(hash) & mask;
            for (char[] w; (w = words[slot]) != null; slot = (slot + 1) & mask) {
                if (hashes[slot] == hash && w.length == len && java.util.Arrays.equals(w, 0, len, buf, start, start + len)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * False only when Lucene's ArabicStemmer certainly leaves the token as it is: it strips the
     * prefixes ال وال بال كال فال لل و and the suffixes ها ان ات ون ين يه ية ه ة ي, so a token that
     * starts with none of them and ends with none of them needs no call. (ة never reaches here:
     * the key folds it to ه.) Skipping the call for such tokens, and for tokens of two letters or
     * fewer, which no affix fits, is what keeps search tokens near the cost of the key; a
     * property test checks the result against the stemmer applied to every token.
     */
    private static boolean mayHaveAffix(char[] b, int start, int len) {
        char first = b[start];
        char second = b[start + 1];
        switch (first) {
            case 'و': return true; // و and وال
            case 'ا': if (second == 'ل') return true; break;
            case 'ب': case 'ك': case 'ف': if (second == 'ا' && b[start + 2] == 'ل') return true; break;
            case 'ل': if (second == 'ل') return true; break;
            default:
        }
        char last = b[start + len - 1];
        char before = b[start + len - 2];
        switch (last) {
            case 'ه': case 'ي': case 'ة': return true; // ه ي ة and يه ية
            case 'ا': return before == 'ه';
            case 'ن': return before == 'ا' || before == 'و' || before == 'ي';
            case 'ت': return before == 'ا';
            default: return false;
        }
    }

    private static final ArabicStemmer STEMMER = new ArabicStemmer();
}
