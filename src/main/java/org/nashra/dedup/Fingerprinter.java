package org.nashra.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nashra.extract.Role;
import org.nashra.text.ArabicText;
import org.nashra.text.NormalizedItem;
import org.nashra.text.RehDecimals;

/**
 * Computes an item's {@link Fingerprint}: word bigrams of the matching key of title and lead
 * (common words, bare numbers and date words dropped, since wire datelines and function words
 * are shared by unrelated items), MinHash band keys over them, the title's content words, the
 * numbers of title and lead, and the exact keys (canonical URL, body, title).
 *
 * <p>Only the lead is fingerprinted: outlets cut tails and roundups append other stories, while
 * the lead is what copies of one story keep. A roundup's second story, after "من جهة أخرى" and
 * similar markers (من ناحية ثانية، من جانب آخر، على صعيد آخر، في سياق آخر، في شأن آخر), is cut
 * off before the lead is taken. "في سياق متصل" and "إلى ذلك" go on with a related item and are
 * not markers.
 */
public final class Fingerprinter {
    /** Words of body text taken as the lead. */
    static final int LEAD_WORDS = 150;
    /** Below this many body shingles an item is matched by its title. */
    static final int MIN_BODY_SHINGLES = 8;
    /** Below this many body words the body hash is not trusted as an exact key. */
    static final int MIN_BODY_HASH_WORDS = 20;
    /** A dateline ("بغداد (رويترز) -") ends within this many chars of the lead and has at most so many tokens. */
    private static final int DATELINE_CHARS = 60;
    private static final int DATELINE_MAX_TOKENS = 6;
    /** A roundup marker this early is the item's own opening, not an appended story. */
    private static final int MIN_ROUNDUP_OFFSET = 200;
    /** How far before "من جهة أخرى" a bare "من جهة" pairs with it (corpus: all but one within 180 chars). */
    private static final int CORRELATIVE_REACH = 200;
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

    static final Pattern ROUNDUP = Pattern.compile(
            "(?:من\\s+(?:جهة|جهه|ناحية|ناحيه)\\s+(?:[أا]خر[ىي]|ثاني[ةه]))|(?:من\\s+جانب\\s+[آا]خر)"
            + "|(?:على\\s+صعيد\\s+(?:[آا]خر|منفصل))|(?:في\\s+(?:سياق|شأن|شان)\\s+(?:آخر|اخر|منفصل))");
    /** "من جهة" not followed by أخرى or ثانية: the first half of a correlative pair. */
    static final Pattern SIDE = Pattern.compile("من\\s+(?:جهة|جهه|ناحية|ناحيه)(?!\\s+(?:[أا]خر[ىي]|ثاني[ةه]))");
    static final Pattern NUMBER = Pattern.compile("[0-9\u0660-\u0669\u06F0-\u06F9]+(?:[.,:\u066B\u066C/][0-9\u0660-\u0669\u06F0-\u06F9]+)*");

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

    /** Tokens that are never content words, in one set: one lookup a token instead of three. */
    private static final Set<String> NOT_CONTENT = union(STOP, MONTHS, WEEKDAYS);

    /** Ordinal words by the place they count, indefinite and definite forms alike. */
    private static final List<List<String>> ORDINAL_WORDS = List.of(
            List.of("أول", "الأول", "الأولى", "أولى"),
            List.of("ثاني", "الثاني", "الثانية", "ثانية"),
            List.of("ثالث", "الثالث", "الثالثة", "ثالثة"),
            List.of("رابع", "الرابع", "الرابعة", "رابعة"),
            List.of("خامس", "الخامس", "الخامسة", "خامسة"),
            List.of("أخير", "الأخير", "الأخيرة"));

    private Fingerprinter() {}

    /**
     * The place each ordinal word counts (1 for "first", ...), keyed by the hash title tokens
     * have: "الطائرة الثانية" and "طائرة ثانية" count the same.
     */
    static Map<Integer, Integer> ordinalPlaces() {
        Map<Integer, Integer> places = new HashMap<>();
        for (int place = 0; place < ORDINAL_WORDS.size(); place++) {
            for (String w : ORDINAL_WORDS.get(place)) {
                for (String t : keyTokens(w)) places.put(Hashing.hash32(t), place + 1);
            }
        }
        return Map.copyOf(places);
    }

    private static Set<String> keys(String words) {
        Set<String> out = new HashSet<>();
        for (String w : words.split(" ")) {
            String k = ArabicText.matchingKey(w);
            if (!k.isEmpty()) out.addAll(Arrays.asList(k.split(" ")));
        }
        return Set.copyOf(out);
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> out = new HashSet<>();
        for (Set<String> set : sets) out.addAll(set);
        return Set.copyOf(out);
    }

    /** The fingerprint of one item. Pure: the same item always gives the same fingerprint. */
    public static Fingerprint of(NormalizedItem item) {
        return of(item, BODY_BANDS_KEPT);
    }

    /** With only the first {@code bodyBandsKept} body bands as keys, for measuring the choice. */
    static Fingerprint of(NormalizedItem item, int bodyBandsKept) {
        // This runs once per ingested item, so each text is keyed and split once and each word
        // hashed once: the title and lead tokens serve the content words and the weekday names
        // alike, and bigram hashes are fed word by word rather than built as strings.
        // figures written "2ر3" (3.2) by one outlet and "3.2" by another must read the same
        String title = RehDecimals.normalize(item.title());
        String lead = RehDecimals.normalize(lead(item.text()));
        String bodyKey = lead.isEmpty() ? RehDecimals.normalize(item.textKey()) : item.textKey();
        List<String> titleKeyTokens = ArabicText.tokens(title.isEmpty() ? item.titleKey() : title);
        List<String> leadKeyTokens = ArabicText.tokens(lead.isEmpty() ? firstWords(bodyKey) : lead);
        Set<String> weekdays = new TreeSet<>();
        List<String> titleWords = contentWords(titleKeyTokens, title.isEmpty() ? null : weekdays);
        List<String> leadWords = contentWords(leadKeyTokens, lead.isEmpty() ? null : weekdays);
        if (lead.isEmpty()) {
            // numbers are taken from the whole body key then, not only its first words
            for (String t : ArabicText.tokens(bodyKey)) if (WEEKDAYS.contains(t)) weekdays.add(t);
        }

        long[] titleStates = fnvStates(titleWords);
        long[] leadStates = fnvStates(leadWords);
        int[] bodyShingles = sortedDistinct(bigramHashes(leadWords, leadStates));
        boolean titleOnly = bodyShingles.length < MIN_BODY_SHINGLES;
        int[] shingles = sortedUnion(sortedDistinct(bigramHashes(titleWords, titleStates)), bodyShingles);
        int[] titleTokens = sortedDistinct(wordHashes(titleWords, titleStates));
        int[] words = titleOnly ? new int[0] : longWordHashes(titleWords, titleStates, leadWords, leadStates);
        Set<String> named = new TreeSet<>(weekdays);
        Countries.addNamed(titleKeyTokens, named);
        Countries.addNamed(titleKeyTokens, Countries.TITLE_MARK, named);
        Countries.addNamed(leadKeyTokens.subList(Math.min(leadKeyTokens.size(), datelineTokens(lead)), leadKeyTokens.size()), named);
        List<String> numbers = numbers(title, lead.isEmpty() ? bodyKey : lead, named);

        String url = urlKey(item);
        long urlHash = url.isEmpty() ? 0L : Hashing.hash64(url);
        String textKey = item.textKey().isEmpty() ? ArabicText.matchingKey(item.text()) : item.textKey();
        // the body key is the item's longest string: hashed once, for the hash and its key
        long bodyHash = hasWords(textKey, MIN_BODY_HASH_WORDS) ? Hashing.hash64(textKey) : 0L;
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
            store.add(exactKey(KIND_URL, urlHash));
            lookup.add(exactKey(KIND_URL, urlHash));
        }
        store.add(sourceTitle);
        lookup.add(sourceTitle);
        if (titleOnly) {
            // Title-only items are found by any later item with a like title, and look up both.
            store.addAll(titleBands);
            lookup.addAll(titleBandsShort);
            lookup.addAll(titleBandsFull);
        } else {
            store.add(bodyHash == 0 ? 0 : exactKey(KIND_BODY_HASH, bodyHash));
            lookup.add(bodyHash == 0 ? 0 : exactKey(KIND_BODY_HASH, bodyHash));
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
        return exactKey(kind, Hashing.hash64(value));
    }

    /** The exact key of a value whose {@link Hashing#hash64} is known. */
    private static long exactKey(char kind, long valueHash) {
        return Hashing.mix64(((long) kind << 48) ^ valueHash);
    }

    /**
     * How many tokens of the lead a dateline takes: "دبي - رويترز:", "القاهرة (رويترز) –",
     * "عبدالله البرقاوي-سبق-الرياض:". Each outlet writes its own city there, so a copy of one
     * wire names another country in it; 0 when the lead opens with no such line.
     */
    static int datelineTokens(String lead) {
        int end = -1;
        int limit = Math.min(lead.length(), DATELINE_CHARS);
        for (int i = 0; i < limit; i++) {
            char c = lead.charAt(i);
            if (c == '-' || c == '–' || c == '—' || c == ':') end = i;
            else if (c == '.' || c == '،' || c == '\n' && i > 0) break;
        }
        if (end < 0) return 0;
        int tokens = ArabicText.tokens(lead.substring(0, end + 1)).size();
        return tokens <= DATELINE_MAX_TOKENS ? tokens : 0;
    }

    /** The body up to a roundup marker, then its first {@link #LEAD_WORDS} words. */
    static String lead(String text) {
        if (text == null || text.isEmpty()) return "";
        int end = firstWordsEnd(text);
        int marker = roundupStart(text, end);
        return text.substring(0, marker >= 0 ? marker : end);
    }

    /**
     * Where the first roundup marker at or after {@link #MIN_ROUNDUP_OFFSET} starts, or -1. Only
     * markers starting before {@code end} are looked for: cutting the body anywhere after its
     * first {@link #LEAD_WORDS} words leaves the lead as it is. Markers before the offset are
     * skipped as {@code Matcher.find()} would skip them, resuming after their end.
     *
     * <p>"من جهة أخرى" is also the second half of "من جهة ... ومن جهة أخرى" (on the one hand ...
     * on the other; "between X on one side and Y on the other"), which is one sentence, not an
     * appended story: a sixth of the corpus's markers past the offset are that. A marker that
     * closes a bare "من جهة" opened at most {@link #CORRELATIVE_REACH} chars before it, or that
     * ends its sentence, is not a roundup; nor is one inside a word (ضمن جهة).
     */
    private static int roundupStart(String text, int end) {
        Matcher m = null;
        Matcher side = null;
        int openedAt = -1;
        for (int i = 0; i < end; ) {
            if (mayStartRoundup(text.charAt(i)) && startsWord(text, i)) {
                if (m == null) {
                    m = ROUNDUP.matcher(text);
                    side = SIDE.matcher(text);
                }
                if (m.region(i, text.length()).lookingAt()) {
                    boolean closes = openedAt >= 0 && i - openedAt <= CORRELATIVE_REACH;
                    openedAt = -1;
                    if (i >= MIN_ROUNDUP_OFFSET && !closes && !endsSentence(text, m.end())) return i;
                    i = m.end();
                    continue;
                }
                if (side.region(i, text.length()).lookingAt()) {
                    openedAt = side.end();
                    i = side.end();
                    continue;
                }
            }
            i++;
        }
        return -1;
    }

    /** Whether a word starts at {@code i}, allowing the conjunction و glued before it (ومن جهة أخرى). */
    private static boolean startsWord(String s, int i) {
        if (i == 0 || !Character.isLetter(s.charAt(i - 1))) return true;
        return s.charAt(i - 1) == 'و' && (i == 1 || !Character.isLetter(s.charAt(i - 2)));
    }

    /** Whether sentence-ending punctuation follows {@code i}, after spaces. */
    private static boolean endsSentence(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\u00A0')) i++;
        if (i == s.length()) return true;
        char c = s.charAt(i);
        return c == '.' || c == '!' || c == '\u061F' || c == '?' || c == '\u06D4';
    }

    private static String firstWords(String s) {
        return s.substring(0, firstWordsEnd(s));
    }

    /** The length of the first {@link #LEAD_WORDS} words of {@code s} with what follows them up to the next word. */
    private static int firstWordsEnd(String s) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < s.length(); i++) {
            boolean space = Character.isWhitespace(s.charAt(i)) || Character.isSpaceChar(s.charAt(i));
            if (!space && !inWord) {
                if (++words > LEAD_WORDS) return i;
            }
            inWord = !space;
        }
        return s.length();
    }

    static List<String> keyTokens(String s) {
        String key = ArabicText.matchingKey(s);
        return key.isEmpty() ? List.of() : Arrays.asList(key.split(" "));
    }

    /** Drops function words, numbers, date words and one-letter tokens: shared by unrelated items. */
    static List<String> contentWords(List<String> tokens) {
        return contentWords(tokens, null);
    }

    /** Content words of {@code tokens}; weekday names among them go to {@code weekdays} unless it is null. */
    private static List<String> contentWords(List<String> tokens, Set<String> weekdays) {
        List<String> out = new ArrayList<>(tokens.size());
        for (String t : tokens) {
            if (t.length() < 2 || isDigits(t)) continue;
            if (NOT_CONTENT.contains(t)) {
                if (weekdays != null && WEEKDAYS.contains(t)) weekdays.add(t);
                continue;
            }
            out.add(t);
        }
        return out;
    }

    // Text is scanned for the characters a ROUNDUP or NUMBER match can start with, and the pattern
    // tried only there: find() tries it at every character, about a sixth of of() before. These
    // follow the patterns' first letters and digits; FingerprinterTest checks them against the
    // patterns over every char.

    /** Whether a {@link #ROUNDUP} match can start with {@code c}: من، على، في. */
    static boolean mayStartRoundup(char c) {
        return c == 'م' || c == 'ع' || c == 'ف';
    }

    /** Whether a {@link #NUMBER} match can start with {@code c}: a digit of the pattern's three scripts. */
    static boolean mayStartNumber(char c) {
        return c >= '0' && c <= '9' || c >= '\u0660' && c <= '\u0669' || c >= '\u06F0' && c <= '\u06F9';
    }

    private static boolean isDigits(String t) {
        for (int i = 0; i < t.length(); i++) if (!Character.isDigit(t.charAt(i))) return false;
        return true;
    }

    /** The unmixed FNV state of each word, from which its hash and its bigrams' hashes follow. */
    private static long[] fnvStates(List<String> words) {
        long[] out = new long[words.size()];
        for (int i = 0; i < out.length; i++) out[i] = Hashing.fnv(Hashing.FNV_START, words.get(i));
        return out;
    }

    /** Hashes of the word bigrams, each {@code hash32(a + ' ' + b)}; a single word stands for itself. */
    private static int[] bigramHashes(List<String> words, long[] states) {
        if (words.size() == 1) return new int[] {Hashing.fold32(Hashing.mix64(states[0]))};
        int[] out = new int[Math.max(0, words.size() - 1)];
        for (int i = 0; i < out.length; i++) {
            long h = Hashing.fnv(Hashing.fnv(states[i], ' '), words.get(i + 1));
            out[i] = Hashing.fold32(Hashing.mix64(h));
        }
        return out;
    }

    /** {@code hash32} of each word. */
    private static int[] wordHashes(List<String> words, long[] states) {
        int[] out = new int[states.length];
        putWordHashes(words, states, 0, out, 0);
        return out;
    }

    /**
     * Puts {@code hash32} of each word at least {@code minLength} long into {@code out} from
     * {@code at}; returns where the next goes.
     */
    private static int putWordHashes(List<String> words, long[] states, int minLength, int[] out, int at) {
        for (int i = 0; i < states.length; i++) {
            if (words.get(i).length() >= minLength) out[at++] = Hashing.fold32(Hashing.mix64(states[i]));
        }
        return at;
    }

    /** Sorted distinct hashes of the longer content words of title and lead. */
    private static int[] longWordHashes(List<String> title, long[] titleStates, List<String> lead, long[] leadStates) {
        int[] all = new int[title.size() + lead.size()];
        int n = putWordHashes(title, titleStates, MIN_WORD_LENGTH, all, 0);
        n = putWordHashes(lead, leadStates, MIN_WORD_LENGTH, all, n);
        return sortedDistinct(Arrays.copyOf(all, n));
    }

    /** Sorts {@code a} in place and returns its distinct values (in {@code a} itself when all are). */
    private static int[] sortedDistinct(int[] a) {
        Arrays.sort(a);
        int n = 0;
        for (int i = 0; i < a.length; i++) if (i == 0 || a[i] != a[n - 1]) a[n++] = a[i];
        return n == a.length ? a : Arrays.copyOf(a, n);
    }

    /** The sorted union of two sorted arrays of distinct values. */
    private static int[] sortedUnion(int[] a, int[] b) {
        int[] out = new int[a.length + b.length];
        int i = 0, j = 0, n = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) out[n++] = a[i++];
            else if (a[i] > b[j]) out[n++] = b[j++];
            else { out[n++] = a[i++]; j++; }
        }
        while (i < a.length) out[n++] = a[i++];
        while (j < b.length) out[n++] = b[j++];
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /**
     * Numbers of title and body in ASCII digits (either script in the input), with the weekday
     * names and country codes ({@link Countries#MARK}) found in their tokens; sorted, distinct.
     */
    private static List<String> numbers(String title, String body, Set<String> named) {
        TreeSet<String> out = new TreeSet<>(named);
        addNumbers(title, out);
        addNumbers(body, out);
        return List.copyOf(out);
    }

    /** As {@code while (find()) add(group())}, trying the pattern only where a number can start. */
    private static void addNumbers(String s, Set<String> out) {
        Matcher m = null;
        for (int i = 0; i < s.length(); ) {
            if (mayStartNumber(s.charAt(i))) {
                if (m == null) m = NUMBER.matcher(s);
                if (m.region(i, s.length()).lookingAt()) {
                    out.add(asciiDigits(m.group()));
                    i = m.end();
                    continue;
                }
            }
            i++;
        }
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

    /** Whether the key has at least {@code min} words, counted as spaces plus one; stops counting there. */
    private static boolean hasWords(String key, int min) {
        if (key.isBlank()) return min <= 0;
        int n = 1;
        for (int i = 0; i < key.length() && n < min; i++) if (key.charAt(i) == ' ') n++;
        return n >= min;
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
