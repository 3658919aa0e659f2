package org.nashra.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nashra.dedup.TestItems.T0;
import static org.nashra.dedup.TestItems.item;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.nashra.config.DedupSettings;
import org.nashra.extract.Role;

class FingerprinterTest {

    @Test
    void spellingVariantsGiveTheSameShingles() {
        Fingerprint plain = Fingerprinter.of(item("a", "https://a.example/1", "إطلاق مركز للذكاء الاصطناعي",
                "أطلقت الهيئة مركزاً للذكاء الاصطناعي في الرياض لتدريب 2000 باحث على النماذج اللغوية العربية", T0));
        Fingerprint variant = Fingerprinter.of(item("b", "https://b.example/1", "اطلاق مركز للذكاء الاصطناعي",
                "أطلَقت الهيـئة مركزا للذكاء الاصطناعي في الرياض لتدريب ٢٠٠٠ باحث على النماذج اللغوية العربيه", T0));
        assertThat(variant.shingles()).containsExactly(plain.shingles());
        assertThat(variant.numbers()).containsExactly("2000", "@SA");
    }

    @Test
    void fingerprintIsDeterministicAndSurvivesEncoding() {
        var it = item("a", "https://a.example/1", "عنوان", DeduplicatorTest.HOSPITAL, T0);
        Fingerprint f = Fingerprinter.of(it);
        assertThat(Fingerprinter.of(it)).isEqualTo(f);
        assertThat(f.lookupKeys()).containsExactly(Fingerprinter.of(it).lookupKeys());
        assertThat(Fingerprint.decode(Fingerprint.encode(f.shingles()))).containsExactly(f.shingles());
        assertThat(f.titleOnly()).isFalse();
        assertThat(f.bodyHash()).isNotZero();
    }

    @Test
    void itemWithoutBodyIsTitleOnly() {
        Fingerprint f = Fingerprinter.of(item("a", "https://a.example/1", "افتتاح مستشفى جديد للأطفال في الدمام", "", T0));
        assertThat(f.titleOnly()).isTrue();
        assertThat(f.bodyHash()).isZero();
        assertThat(f.titleTokens()).isNotEmpty();
    }

    @Test
    void leadStopsAtARoundupMarker() {
        String lead = Fingerprinter.lead(DeduplicatorTest.PARKS + "\nمن جهة اخرى، " + DeduplicatorTest.FINES);
        assertThat(lead).isEqualTo(DeduplicatorTest.PARKS + "\n");
    }

    @Test
    void leadStopsAtEachKindOfRoundupMarker() {
        for (String marker : new String[] {"ومن ناحية ثانية، ", "من جانب آخر، ", "وفي شأن آخر ", "وعلى صعيد منفصل، ",
                "وفي سياق آخر، "}) {
            String lead = Fingerprinter.lead(DeduplicatorTest.PARKS + " " + marker + DeduplicatorTest.FINES);
            assertThat(lead).as(marker).isEqualTo(DeduplicatorTest.PARKS + " " + (marker.startsWith("و") ? "و" : ""));
        }
    }

    @Test
    void theOtherHalfOfACorrelativeIsNotARoundup() {
        // "between the army on one side and the militias on the other": one sentence, not a second story
        String text = DeduplicatorTest.PARKS + " ودارت مواجهات بين الجيش من جهة والمسلحين من جهة أخرى، وأسفرت عن إصابة 3 أشخاص. "
                + DeduplicatorTest.FINES;
        assertThat(Fingerprinter.lead(text)).isEqualTo(text);

        String ending = DeduplicatorTest.PARKS + " وتسعى الأمانة إلى رفع جودة الحياة من جهة وتقليل الحرارة من ناحية اخرى. "
                + DeduplicatorTest.FINES;
        assertThat(Fingerprinter.lead(ending)).isEqualTo(ending);
    }

    @Test
    void aMarkerAfterAClosedCorrelativeStillCuts() {
        String first = DeduplicatorTest.PARKS + " وتقع الحدائق بين الطريق الدائري من جهة والأحياء من جهة أخرى. ";
        String lead = Fingerprinter.lead(first + "ومن جهة أخرى، " + DeduplicatorTest.FINES);
        assertThat(lead).isEqualTo(first + "و");
    }

    @Test
    void aMarkerEndingASentenceOrInsideAWordIsNotARoundup() {
        String text = DeduplicatorTest.PARKS + " ويتوزع العمل على فرق ضمن جهة أخرى تتبع الأمانة، " + DeduplicatorTest.FINES;
        assertThat(Fingerprinter.lead(text)).isEqualTo(text);
        String ends = DeduplicatorTest.PARKS + " وستنقل الإدارة إلى مبنى من جهة أخرى. " + DeduplicatorTest.FINES;
        assertThat(Fingerprinter.lead(ends)).isEqualTo(ends);
    }

    @Test
    void scansTryThePatternsWhereverAMatchCanStart() {
        // a char can start a match if it matches alone or, by hitEnd(), more input could make it match
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            char ch = (char) c;
            assertThat(Fingerprinter.mayStartRoundup(ch)).as("roundup U+%04X", c).isEqualTo(mayStart(Fingerprinter.ROUNDUP, ch));
            assertThat(Fingerprinter.mayStartNumber(ch)).as("number U+%04X", c).isEqualTo(mayStart(Fingerprinter.NUMBER, ch));
        }
    }

    private static boolean mayStart(java.util.regex.Pattern p, char c) {
        java.util.regex.Matcher m = p.matcher(String.valueOf(c));
        return m.lookingAt() || m.hitEnd();
    }

    @Test
    void otherNewsItemOnItsParentPageHasNoUrlOfItsOwn() {
        var raw = new org.nashra.extract.RawItem("s", "https://s.example/page", "g", "عنوان خبر آخر", "", "", null, T0, null,
                null, null, null, Role.OTHER, "https://s.example/page");
        var n = new org.nashra.text.NormalizedItem(raw, "عنوان خبر آخر", "", "عنوان خبر اخر", "", "https://s.example/page", T0,
                null, null);
        assertThat(Fingerprinter.of(n).urlHash()).isZero();
    }

    @Test
    void explanationIsMachineReadableUnderAnArabicLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("ar-SA"));
            var a = item("a", "https://a.example/1", "مستشفى الأطفال", DeduplicatorTest.HOSPITAL, T0);
            Explanation e = new Explainer(DedupSettings.DEFAULT).explain(a, a);
            assertThat(e.text()).contains("1.00").doesNotContain("١");
        } finally {
            Locale.setDefault(saved);
        }
    }

    /** The database index keeps no keys: it derives them from the stored row, so they must be the same. */
    @Test
    void storeKeysDeriveFromTheStoredFingerprint() {
        String lead = "أعلنت وزارة الصحة افتتاح مستشفى جديد للأطفال في مدينة الدمام بسعة 300 سرير ويضم أقساما "
                + "للعناية المركزة وجراحة القلب والأورام وقال الوزير إن المشروع يأتي ضمن خطة توسيع الخدمات الصحية "
                + "في المنطقة الشرقية وتقليل فترات الانتظار للمرضى وسيبدأ استقبال المراجعين مطلع الشهر المقبل";
        java.util.List<org.nashra.text.NormalizedItem> items = java.util.List.of(
                item("spa", "https://spa.example/1", "افتتاح مستشفى للأطفال في الدمام", lead, T0),
                item("okaz", "https://okaz.example/2", "مطر غزير", "مطر غزير على مدن عدة مع رياح قوية وبرد مساء اليوم وغدا", T0),
                item("asdaa", "https://asdaa.example/p#3", "الصحة تفتتح مستشفى للأطفال", "", T0, Role.OTHER, null),
                item("spa", "https://spa.example/4", "", lead + " " + lead, T0, Role.MAIN, "واس"));
        for (org.nashra.text.NormalizedItem it : items) {
            Fingerprint fp = Fingerprinter.of(it);
            Fingerprint stored = Fingerprint.stored(fp.shingles(), fp.titleTokens(), fp.words(), fp.numbers(), fp.titleOnly(),
                    fp.urlHash(), fp.bodyHash(), fp.titleHash());
            assertThat(Fingerprinter.storeKeys(it.raw().sourceId(), stored)).as(it.title()).containsExactly(fp.storeKeys());
        }
        // the source is part of the key of "same title from one outlet"
        Fingerprint fp = Fingerprinter.of(items.get(0));
        assertThat(Fingerprinter.storeKeys("other", fp)).isNotEqualTo(fp.storeKeys());
    }
}
