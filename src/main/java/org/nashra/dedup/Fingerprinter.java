package org.nashra.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nashra.extract.Role;
import org.nashra.text.ArabicText;
import org.nashra.text.NormalizedItem;

/**
 * Computes an item's {@link Fingerprint}: word bigrams of the matching key of title and lead
 * (common words, bare numbers and date words dropped, since wire datelines and function words
 * are shared by unrelated items), MinHash band keys over them, the title's content words, the
 * numbers of title and lead, and the exact keys (canonical URL, body, title).
 *
 * <p>Only the lead is fingerprinted: outlets cut tails and roundups append other stories, while
 * the lead is what copies of one story keep. A roundup's second story, after "من جهة أخرى" and
 * similar markers, is cut off before the lead is taken.
 */
public final class Fingerprinter {
    /** Words of body text taken as the lead. */
    static final int LEAD_WORDS = 150;
    /** Below this many body shingles an item is matched by its title. */
    static final int MIN_BODY_SHINGLES = 8;
    /** Below this many body words the body hash is not trusted as an exact key. */
    static final int MIN_BODY_HASH_WORDS = 20;
    /** A roundup marker this early is the item's own opening, not an appended story. */
    private static final int MIN_ROUNDUP_OFFSET = 200;
    static final int WORD_BANDS = 20;
    static final int WORD_ROWS = 2;
    // Word bands find all but 2 of the 2,568 pairs the matcher accepts in the corpus; three body
    // bands find those two as well, and 20 find no more (KeyBudget, bench/dedup/README.md). Items
    // with too few words for word bands keep all 20. Fewer keys, cheaper inserts.
    static final int BODY_BANDS_KEPT = 3;

    // 20 bands of 3 rows: a pair at Jaccard 0.5 is a candidate with p = 0.93, at 0.3 with 0.42,
    // at 0.1 with 0.02 (see bench/dedup/README.md for the measurement behind the choice).
    static final MinHash BODY = new MinHash(20, 3, 0x6e61736872614231L);
    // 10 bands of 2 rows over title words: Jaccard 0.6 -> 0.99, 0.3 -> 0.61, 0.1 -> 0.10.
    static final MinHash TITLE = new MinHash(10, 2, 0x6e61736872615431L);
    // Over the longer content words of title and lead, for rewrites that keep the words but not
    // their order (few shared bigrams): see bench/dedup/README.md for the measurement.
    static final MinHash WORDS = new MinHash(WORD_BANDS, WORD_ROWS, 0x6e61736872615731L);
    /** Content words shorter than this are too common to be evidence of a rewrite. */
    static final int MIN_WORD_LENGTH = 4;

    static final char KIND_BODY_BAND = 'B';
    static final char KIND_WORD_BAND = 'W';
    static final char KIND_TITLE_BAND_FULL = 'F';
    static final char KIND_TITLE_BAND_SHORT = 'T';
    static final char KIND_URL = 'U';
    static final char KIND_BODY_HASH = 'H';
    static final char KIND_SOURCE_TITLE = 'K';

    private static final Pattern ROUNDUP = Pattern.compile(
            "(?:من\\s+(?:جهة|جهه|ناحية|ناحيه)\\s+[أا]خر[ىي])|(?:على\\s+صعيد\\s+[آا]خر)|(?:في\\s+سياق\\s+(?:آخر|اخر|منفصل))");
    private static final Pattern NUMBER = Pattern.compile("[0-9\u0660-\u0669\u06F0-\u06F9]+(?:[.,:\u066B\u066C/][0-9\u0660-\u0669\u06F0-\u06F9]+)*");

    private static final Set<String> STOP = keys(
            "في من على إلى الى عن أن إن ان او أو ما لا لم لن قد ثم كما كان كانت يكون تكون هذا هذه ذلك تلك هؤلاء "
            + "التي الذي الذين اللذين اللتين مع بين بعد قبل حتى عند منذ خلال وقال قال وقالت قالت وأضاف أضاف وأضافت "
            + "وأكد أكد وأشار أشار وأوضح أوضح مشيرا مضيفا مؤكدا وذكر ذكر وكان وكانت وان وأن وإن وفي ومن وعلى وإلى "
            + "وهو وهي هو هي هم هن نحن انه أنه إنه انها أنها إنها لها له لهم عليه عليها فيه فيها به بها منه منها عنه "
            + "عنها اليه إليه إليها كل غير أي أيضا ايضا حيث إذ إذا اذا لكن ولكن بل أما اما إلا الا وقد ولا وما ولم "
            + "يا لقد كذلك هناك هنا اليوم أمس امس غدا الآن حاليا نحو حوالي أكثر اكثر أقل اقل عام العام سنة يوم "
            + "الموافق هـ م واس وام قنا سانا واع رويترز الأناضول ا ف ب أ ف ب");
    // Weekday names count as "numbers": daily items differ in them as they differ in figures.
    private static final Set<String> WEEKDAYS = keys("الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت");
    private static final Set<String> MONTHS = keys(
            "يناير فبراير مارس أبريل ابريل مايو يونيو يوليو أغسطس اغسطس سبتمبر أكتوبر اكتوبر نوفمبر ديسمبر "
            + "كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين "
            + "محرم صفر ربيع جمادى رجب شعبان رمضان شوال القعدة الحجة");

    private static final List<String> ORDINAL_WORDS = List.of(
            "أول", "الأول", "الأولى", "أولى", "ثاني", "الثاني", "الثانية", "ثانية", "ثالث", "الثالث", "الثالثة",
            "ثالثة", "رابع", "الرابع", "الرابعة", "رابعة", "خامس", "الخامس", "الخامسة", "خامسة", "أخير", "الأخير", "الأخيرة");

    private Fingerprinter() {}

    /** Sorted hashes of ordinal words as title tokens hash them. */
    static int[] ordinalHashes() {
        return ORDINAL_WORDS.stream().flatMap(w -> keyTokens(w).stream()).mapToInt(Hashing::hash32).distinct().sorted().toArray();
    }

    private static Set<String> keys(String words) {
        Set<String> out = new HashSet<>();
        for (String w : words.split(" ")) {
            String k = ArabicText.matchingKey(w);
            if (!k.isEmpty()) out.addAll(Arrays.asList(k.split(" ")));
        }
        return Set.copyOf(out);
    }

    /** The fingerprint of one item. Pure: the same item always gives the same fingerprint. */
    public static Fingerprint of(NormalizedItem item) {
        return of(item, BODY_BANDS_KEPT);
    }

    /** With only the first {@code bodyBandsKept} body bands as keys, for measuring the choice. */
    static Fingerprint of(NormalizedItem item, int bodyBandsKept) {
        String lead = lead(item.text());
        List<String> titleWords = contentWords(keyTokens(item.title().isEmpty() ? item.titleKey() : item.title()));
        List<String> leadWords = contentWords(keyTokens(lead.isEmpty() ? firstWords(item.textKey()) : lead));

        int[] bodyShingles = shingles(leadWords, List.of());
        boolean titleOnly = bodyShingles.length < MIN_BODY_SHINGLES;
        int[] shingles = shingles(titleWords, leadWords);
        int[] titleTokens = sortedHashes(titleWords);
        int[] words = titleOnly ? new int[0] : sortedHashes(longWords(titleWords, leadWords));
        List<String> numbers = numbers(item.title() + "\n" + (lead.isEmpty() ? item.textKey() : lead));

        String url = urlKey(item);
        long urlHash = url.isEmpty() ? 0L : Hashing.hash64(url);
        String textKey = item.textKey().isEmpty() ? ArabicText.matchingKey(item.text()) : item.textKey();
        long bodyHash = wordCount(textKey) >= MIN_BODY_HASH_WORDS ? Hashing.hash64(textKey) : 0L;
        String titleKey = item.titleKey().isEmpty() ? ArabicText.matchingKey(item.title()) : item.titleKey();
        long titleHash = titleKey.isBlank() ? 0L : Hashing.hash64(titleKey);

        Keys keys = keys(item.raw().sourceId(), titleOnly, shingles, titleTokens, words, urlHash, bodyHash, titleHash, bodyBandsKept);
        return new Fingerprint(shingles, titleTokens, words, numbers, titleOnly, urlHash, bodyHash, titleHash,
                keys.store, keys.lookup);
    }

    /**
     * The keys under which an item of {@code sourceId} with this stored fingerprint is filed: the
     * same as {@link #of} gave it. Every key is a function of what the index stores of an item, so
     * an index can keep its keys in memory and derive them again from its rows.
     */
    public static long[] storeKeys(String sourceId, Fingerprint stored) {
        return keys(sourceId, stored.titleOnly(), stored.shinglesView(), stored.titleTokensView(), stored.wordsView(),
                stored.urlHash(), stored.bodyHash(), stored.titleHash(), BODY_BANDS_KEPT).store;
    }

    private record Keys(long[] store, long[] lookup) {}

    private static Keys keys(String sourceId, boolean titleOnly, int[] shingles, int[] titleTokens, int[] words,
                             long urlHash, long bodyHash, long titleHash, int bodyBandsKept) {
        int[] titleSig = TITLE.signature(titleTokens);
        long[] titleBandsShort = titleTokens.length == 0 ? new long[0] : TITLE.bandKeys(titleSig, KIND_TITLE_BAND_SHORT);
        long[] titleBandsFull = titleTokens.length == 0 ? new long[0] : TITLE.bandKeys(titleSig, KIND_TITLE_BAND_FULL);
        long[] titleBands = titleOnly ? titleBandsShort : titleBandsFull;
        long[] bodyBands = titleOnly ? new long[0] : BODY.bandKeys(BODY.signature(shingles), KIND_BODY_BAND);
        long[] wordBands = words.length < PairMatcher.MIN_REWRITE_WORDS ? new long[0] : WORDS.bandKeys(WORDS.signature(words), KIND_WORD_BAND);
        long sourceTitle = titleHash == 0 ? 0 : Hashing.mix64(exactKey(KIND_SOURCE_TITLE, sourceId) ^ titleHash);

        KeyList store = new KeyList();
        KeyList lookup = new KeyList();
        if (urlHash != 0) {
            store.add(hashedKey(KIND_URL, urlHash));
            lookup.add(hashedKey(KIND_URL, urlHash));
        }
        store.add(sourceTitle);
        lookup.add(sourceTitle);
        if (titleOnly) {
            // Title-only items are found by any later item with a like title, and look up both.
            store.addAll(titleBands);
            lookup.addAll(titleBandsShort);
            lookup.addAll(titleBandsFull);
        } else {
            store.add(bodyHash == 0 ? 0 : hashedKey(KIND_BODY_HASH, bodyHash));
            lookup.add(bodyHash == 0 ? 0 : hashedKey(KIND_BODY_HASH, bodyHash));
            long[] kept = wordBands.length == 0 ? bodyBands : Arrays.copyOf(bodyBands, Math.min(bodyBandsKept, bodyBands.length));
            store.addAll(kept);
            lookup.addAll(kept);
            store.addAll(wordBands);
            lookup.addAll(wordBands);
            // Filed under title bands of kind F, which only title-only items look up: full items
            // are compared with each other by their bodies, never by a headline alone.
            store.addAll(titleBands);
            lookup.addAll(titleBandsShort);
        }
        return new Keys(store.toArray(), lookup.toArray());
    }

    /**
     * The URL that identifies the item, or "" when it has none of its own: an "other news" item
     * without its own page is its parent page's URL plus a fragment, and canonicalization may have
     * dropped that fragment, which would make every item of the block one URL.
     */
    static String urlKey(NormalizedItem item) {
        if (item.raw().role() != Role.OTHER) return item.canonicalUrl();
        String raw = item.raw().url();
        String parent = item.raw().parentUrl();
        if (raw.indexOf('#') >= 0) return raw;
        if (parent != null && (parent.equals(raw) || parent.equals(item.canonicalUrl()))) return "";
        return item.canonicalUrl();
    }

    static long exactKey(char kind, String value) {
        return hashedKey(kind, Hashing.hash64(value));
    }

    private static long hashedKey(char kind, long hash) {
        return Hashing.mix64(((long) kind << 48) ^ hash);
    }

    /** The body up to a roundup marker, then its first {@link #LEAD_WORDS} words. */
    static String lead(String text) {
        if (text == null || text.isEmpty()) return "";
        Matcher m = ROUNDUP.matcher(text);
        String body = text;
        while (m.find()) {
            if (m.start() >= MIN_ROUNDUP_OFFSET) {
                body = text.substring(0, m.start());
                break;
            }
        }
        return firstWords(body);
    }

    private static String firstWords(String s) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < s.length(); i++) {
            boolean space = Character.isWhitespace(s.charAt(i)) || Character.isSpaceChar(s.charAt(i));
            if (!space && !inWord) {
                if (++words > LEAD_WORDS) return s.substring(0, i);
            }
            inWord = !space;
        }
        return s;
    }

    static List<String> keyTokens(String s) {
        String key = ArabicText.matchingKey(s);
        return key.isEmpty() ? List.of() : Arrays.asList(key.split(" "));
    }

    /** Drops function words, numbers, date words and one-letter tokens: shared by unrelated items. */
    static List<String> contentWords(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (String t : tokens) {
            if (t.length() < 2 || STOP.contains(t) || MONTHS.contains(t) || WEEKDAYS.contains(t) || isDigits(t)) continue;
            out.add(t);
        }
        return out;
    }

    private static boolean isDigits(String t) {
        for (int i = 0; i < t.length(); i++) if (!Character.isDigit(t.charAt(i))) return false;
        return true;
    }

    private static List<String> longWords(List<String> title, List<String> lead) {
        List<String> out = new ArrayList<>(title.size() + lead.size());
        for (String w : title) if (w.length() >= MIN_WORD_LENGTH) out.add(w);
        for (String w : lead) if (w.length() >= MIN_WORD_LENGTH) out.add(w);
        return out;
    }

    private static int[] shingles(List<String> a, List<String> b) {
        TreeSet<Integer> set = new TreeSet<>();
        addBigrams(a, set);
        addBigrams(b, set);
        int[] out = new int[set.size()];
        int i = 0;
        for (int v : set) out[i++] = v;
        return out;
    }

    private static void addBigrams(List<String> words, TreeSet<Integer> out) {
        if (words.size() == 1) out.add(Hashing.hash32(words.get(0)));
        for (int i = 0; i + 1 < words.size(); i++) out.add(Hashing.hash32(words.get(i) + ' ' + words.get(i + 1)));
    }

    private static int[] sortedHashes(List<String> words) {
        return words.stream().mapToInt(Hashing::hash32).distinct().sorted().toArray();
    }

    /** Numbers in ASCII digits (either script in the input), plus weekday names. */
    static List<String> numbers(String s) {
        TreeSet<String> out = new TreeSet<>();
        Matcher m = NUMBER.matcher(s);
        while (m.find()) out.add(asciiDigits(m.group()));
        for (String t : keyTokens(s)) if (WEEKDAYS.contains(t)) out.add(t);
        return List.copyOf(out);
    }

    private static String asciiDigits(String n) {
        StringBuilder b = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c >= '\u0660' && c <= '\u0669') b.append((char) ('0' + c - '\u0660'));
            else if (c >= '\u06F0' && c <= '\u06F9') b.append((char) ('0' + c - '\u06F0'));
            else if (c == '\u066B') b.append('.');                // Arabic decimal separator
            else if (c == '\u066C' || c == ',') continue;         // thousands separators
            else b.append(c);
        }
        return b.toString();
    }

    private static int wordCount(String key) {
        if (key.isBlank()) return 0;
        int n = 1;
        for (int i = 0; i < key.length(); i++) if (key.charAt(i) == ' ') n++;
        return n;
    }

    /** Distinct non-zero keys in insertion order. */
    private static final class KeyList {
        private long[] keys = new long[48];
        private int size;

        void add(long k) {
            if (k == 0) return;
            for (int i = 0; i < size; i++) if (keys[i] == k) return;
            if (size == keys.length) keys = Arrays.copyOf(keys, size * 2);
            keys[size++] = k;
        }

        void addAll(long[] ks) {
            for (long k : ks) add(k);
        }

        long[] toArray() {
            return Arrays.copyOf(keys, size);
        }
    }
}
