package org.nashra.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ArabicTextProperties {

    private static final String LETTERS = "ءابتثجحخدذرزسشصضطظعغفقكلمنهويةىأإآؤئ";
    private static final String MARKS = "\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u0670";
    private static final String NOISE = " \u00A0\u2009\n\r\t\u200B\u200C\u200D\u200E\u200F\u202A\u202B\u202C\u202E"
            + "\u2066\u2069\u061C\uFEFF\u00AD\u0000\u0007\u001F،؛؟«».:-0123456789٠١٢٣٤٥٦٧٨٩";
    private static final String PRESENTATION = "ﻻﻷﻹﷲﺑﻐﺪﺍﺩﺓﻰﻯﭼﮪﻫﺆﺋ";

    @Provide
    Arbitrary<String> arabicish() {
        return Arbitraries.strings().withChars(LETTERS + MARKS + NOISE + "\u0640").ofMaxLength(60);
    }

    @Provide
    Arbitrary<String> anything() {
        return Arbitraries.oneOf(
                arabicish(),
                Arbitraries.strings().withChars(LETTERS + MARKS + NOISE + PRESENTATION + "AIİıZzé²½ﬁＡ\u0640").ofMaxLength(60),
                Arbitraries.strings().ofMaxLength(40));
    }

    @Property
    void matchingKeyIsIdempotent(@ForAll("anything") String s) {
        String k = ArabicText.matchingKey(s);
        assertThat(ArabicText.matchingKey(k)).isEqualTo(k);
    }

    @Property
    void matchingKeyIsOneLineOfSingleSpacedTokens(@ForAll("anything") String s) {
        String k = ArabicText.matchingKey(s);
        assertThat(k).doesNotContain("  ").doesNotStartWith(" ").doesNotEndWith(" ").doesNotContain("\n");
        assertThat(String.join(" ", ArabicText.tokens(s))).isEqualTo(k);
    }

    @Property
    void displayIsIdempotent(@ForAll("anything") String s) {
        String d = ArabicText.display(s);
        assertThat(ArabicText.display(d)).isEqualTo(d);
    }

    @Property
    void displayDropsNoArabicLetterOrMark(@ForAll("arabicish") String s) {
        assertThat(arabicLettersAndMarks(ArabicText.display(s))).isEqualTo(arabicLettersAndMarks(s));
    }

    @Property
    void displayTurnsPresentationFormsIntoTheirLetters(
            @ForAll("withPresentationForms") String s) {
        String nfkc = Normalizer.normalize(s, Normalizer.Form.NFKC);
        assertThat(arabicLetters(ArabicText.display(s))).isEqualTo(arabicLetters(nfkc));
    }

    @Provide
    Arbitrary<String> withPresentationForms() {
        return Arbitraries.strings().withChars(LETTERS + PRESENTATION + " ").ofMaxLength(40);
    }

    @Property
    void spellingVariantsShareOneKey(@ForAll("words") String word, @ForAll long seed) {
        String variant = variant(word, new Random(seed));
        assertThat(ArabicText.matchingKey(variant)).as(variant).isEqualTo(ArabicText.matchingKey(word));
    }

    /** Through the per-thread token cache or not, search tokens are Lucene's stop filter and stemmer. */
    @Property
    void searchTokensAreStopFilteredLightStems(@ForAll("sentences") String s) {
        java.util.Set<String> stop = new java.util.HashSet<>();
        for (Object w : org.apache.lucene.analysis.ar.ArabicAnalyzer.getDefaultStopSet()) {
            stop.add(ArabicText.matchingKey(new String((char[]) w)));
        }
        org.apache.lucene.analysis.ar.ArabicStemmer stemmer = new org.apache.lucene.analysis.ar.ArabicStemmer();
        java.util.List<String> want = new java.util.ArrayList<>();
        for (String t : ArabicText.tokens(s)) {
            if (stop.contains(t)) continue;
            char[] c = t.toCharArray();
            want.add(new String(c, 0, stemmer.stem(c, c.length)));
        }
        assertThat(ArabicText.searchTokens(s)).isEqualTo(want);
        assertThat(ArabicText.searchTokens(s)).isEqualTo(want); // second time from the cache
    }

    @Provide
    Arbitrary<String> sentences() {
        Arbitrary<String> word = Arbitraries.oneOf(
                Arbitraries.of("في", "من", "إلى", "على", "والمستشفيات", "بالمدرسة", "المعلمون", "لا", "و"),
                Arbitraries.strings().withChars("ابتجحدرسعفقكلمنهويةىأ").ofMinLength(1).ofMaxLength(7));
        return word.list().ofMaxSize(400).map(ws -> String.join(" ", ws));
    }

    @Property
    void keyDoesNotDependOnTheDefaultLocale(@ForAll("anything") String s) {
        String root = ArabicText.matchingKey(s);
        for (Locale l : Locales.HOSTILE) {
            Locales.withDefault(l, () -> assertThat(ArabicText.matchingKey(s)).isEqualTo(root));
        }
    }

    /** Words in the plain spelling: bare alef, final ي and ه, و and ي without hamza, ASCII digits. */
    @Provide
    Arbitrary<String> words() {
        Arbitrary<String> letters = Arbitraries.strings().withChars("ابتجحدرسعفقكلمنهوي").ofMinLength(2).ofMaxLength(9);
        Arbitrary<String> numbers = Arbitraries.integers().between(0, 99999).map(String::valueOf);
        return Arbitraries.oneOf(letters, letters, numbers);
    }

    /** What writers do to one word: harakat, tatweel, hamza forms, ى and ة, other digits, ligatures. */
    private static String variant(String word, Random r) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            boolean last = i == word.length() - 1;
            if (c == 'ا' && r.nextInt(3) == 0) c = "أإآٱ".charAt(r.nextInt(4));
            else if (c == 'ي' && last && r.nextBoolean()) c = 'ى';
            else if (c == 'ي' && r.nextInt(4) == 0) c = 'ئ';
            else if (c == 'و' && r.nextInt(4) == 0) c = 'ؤ';
            else if (c == 'ه' && last && r.nextBoolean()) c = 'ة';
            else if (c >= '0' && c <= '9' && r.nextBoolean()) c = (char) ((r.nextBoolean() ? '٠' : '۰') + (c - '0'));
            if (c == 'ل' && i + 1 < word.length() && word.charAt(i + 1) == 'ا' && r.nextInt(3) == 0) {
                b.append('ﻻ');
                i++;
                continue;
            }
            b.append(c);
            if (Character.isLetter(c) && r.nextInt(3) == 0) b.append(MARKS.charAt(r.nextInt(MARKS.length())));
            if (Character.isLetter(c) && !last && r.nextInt(5) == 0) b.append('\u0640');
        }
        return b.toString();
    }

    private static String arabicLettersAndMarks(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC
                && (Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK))
                .forEach(b::appendCodePoint);
        return b.toString();
    }

    private static String arabicLetters(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC && Character.isLetter(c))
                .forEach(b::appendCodePoint);
        return b.toString();
    }
}
