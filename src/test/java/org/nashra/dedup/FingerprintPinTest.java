package org.nashra.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nashra.dedup.TestItems.T0;
import static org.nashra.dedup.TestItems.item;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nashra.extract.RawItem;
import org.nashra.extract.Role;
import org.nashra.text.ArabicText;
import org.nashra.text.ItemNormalizer;
import org.nashra.text.NormalizedItem;

/**
 * Fingerprints are stored and compared with those of new items, so a change to how {@link
 * Fingerprinter} computes them must not change a single bit. Each fixture's fingerprint is pinned
 * by a digest over its fields, in order, with and without the lookup keys; a deliberate change of
 * the fingerprint must record new ones (and say what happens to stored rows).
 */
class FingerprintPinTest {

    private static final String BUS_LINE = "أعلنت وزارة النقل والخدمات اللوجستية أن خط الحافلات السريع الجديد في مدينة جدة سيبدأ "
            + "التشغيل التجريبي يوم الأحد المقبل بطول ٢٤٫٥ كيلومتر ويضم ١٨ محطة موزعة على الأحياء الشمالية والجنوبية. "
            + "وقال المتحدث باسم الوزارة إن الخط سيخدم نحو ٤٥٬٠٠٠ راكب يوميا في مرحلته الأولى، وإن الأجرة ستكون ٤ ريالات "
            + "للرحلة الواحدة، مع تذاكر شهرية مخفضة للطلاب وكبار السن.\nوأضاف أن الحافلات مزودة بأنظمة تكييف وشاشات "
            + "معلومات وخدمة إنترنت لاسلكي، وأن مواعيدها ستعلن عبر تطبيق الهاتف يوم الخميس 12/3.\n"
            + "من جهة أخرى، افتتحت الأمانة يوم الثلاثاء ثلاث حدائق جديدة في شرق المدينة بمساحة ١٢ ألف متر مربع.";

    private static final String FAIR = "من ناحية أخرى تستعد العاصمة لاستقبال زوار معرض الكتاب الدولي الذي تنطلق فعالياته "
            + "مساء الأربعاء بمشاركة أكثر من 800 دار نشر من 30 دولة، ويتضمن برنامجه الثقافي ندوات وأمسيات شعرية "
            + "وورش عمل للأطفال واليافعين، إضافة إلى جناح خاص بالكتب الرقمية والصوتية.";

    /**
     * Over the stored fields only (sets, numbers, hashes): these are rows in the database and are
     * compared with new items' for as long as the rows live. Recorded from main 96a8782, before
     * the rewrite for speed; recorded again when the numbers gained the countries an item names
     * and, marked apart, those its headline names ({@link Countries}). With those additions
     * switched off the digests are still 96a8782's.
     * Rows stored before it have no country codes, and the country rule needs both sides to have
     * some, so old rows match as they did.
     */
    private static final Map<String, String> STORED = pinned(
            "roundup", "16d004506a31de7a",
            "early-marker", "d84a733dbd577e65",
            "title-only", "73983823693c8217",
            "short-body", "36d38a0de4ba0f7a",
            "no-title", "3c1bb0cb481379ab",
            "keys-only", "1642b7f5f521a988",
            "long", "7a94361bb22f5f68",
            "agency-latin-ligatures", "3e92d462e0094971",
            "other-on-parent", "a95c3d138ee8f0ce",
            "other-with-fragment", "3fc12780a70f25fc");

    /**
     * Over every field including the lookup keys. Keys are no longer stored (V6): each node derives
     * them from the rows, so a change here is safe on upgrade but must be deliberate. Recorded after
     * the same-title-from-one-outlet key became a function of source and title hash (V6); the
     * other keys are those of 96a8782 ("no-title", which has no such key, kept its digest).
     */
    private static final Map<String, String> WITH_KEYS = pinned(
            "roundup", "60bfede08e301200",
            "early-marker", "5b90344dc60e2d26",
            "title-only", "a5e56fe24e8f20f6",
            "short-body", "98cc6f04646d63d6",
            "no-title", "34e3c1602c214861",
            "keys-only", "e1ba1f36952e5706",
            "long", "6d4e1239a2cbb529",
            "agency-latin-ligatures", "0163dae81a161b9d",
            "other-on-parent", "944e732b46b56647",
            "other-with-fragment", "a639ebc82bbf36e6");

    @Test
    void storedFieldsAreThoseOfTheCodeBeforeTheRewrite() {
        Map<String, String> digests = new LinkedHashMap<>();
        fixtures().forEach((name, item) -> digests.put(name, digest(Fingerprinter.of(item), false)));
        assertThat(digests).containsExactlyEntriesOf(STORED);
    }

    @Test
    void keysAreThePinnedOnes() {
        Map<String, String> digests = new LinkedHashMap<>();
        fixtures().forEach((name, item) -> digests.put(name, digest(Fingerprinter.of(item), true)));
        assertThat(digests).containsExactlyEntriesOf(WITH_KEYS);
    }

    @Test
    void fixturesCoverWhatTheyAreFor() {
        Map<String, NormalizedItem> items = fixtures();
        Map<String, Fingerprint> f = new LinkedHashMap<>();
        items.forEach((name, item) -> f.put(name, Fingerprinter.of(item)));
        assertThat(Fingerprinter.lead(items.get("roundup").text())).doesNotContain("حدائق");
        assertThat(f.get("roundup").numbers()).contains("24.5", "45000", "الاحد", "الخميس").doesNotContain("12000");
        assertThat(Fingerprinter.lead(items.get("early-marker").text())).isEqualTo(items.get("early-marker").text());
        assertThat(f.get("title-only").titleOnly()).isTrue();
        assertThat(f.get("title-only").numbers()).containsExactly("800", "@SA", "^SA");
        assertThat(f.get("short-body").titleOnly()).isTrue();
        assertThat(f.get("no-title").titleHash()).isZero();
        assertThat(f.get("no-title").bodyHash()).isNotZero();
        assertThat(f.get("keys-only").shingles().length).isGreaterThan(100);
        assertThat(f.get("long").bodyHash()).isNotZero();
        assertThat(f.get("long").words().length).isGreaterThanOrEqualTo(PairMatcher.MIN_REWRITE_WORDS);
        assertThat(f.get("other-on-parent").urlHash()).isZero();
        assertThat(f.get("other-with-fragment").urlHash()).isNotZero();
    }

    /** Names to items: a roundup, an early marker, title only, short body, no title, long, agency, OTHER. */
    private static Map<String, NormalizedItem> fixtures() {
        Map<String, NormalizedItem> m = new LinkedHashMap<>();
        m.put("roundup", item("a", "https://a.example/bus", "وزارة النقل تعلن تشغيل خط الحافلات السريع في جدة يوم الأحد",
                BUS_LINE, T0));
        // the marker opens the text, so it is the item's own opening and the lead keeps it
        m.put("early-marker", item("b", "https://b.example/fair", "معرض الكتاب الدولي يفتح أبوابه الأربعاء", FAIR, T0));
        m.put("title-only", item("c", "https://c.example/t", "افتتاح معرض الكتاب الدولي في الرياض بمشاركة ٨٠٠ دار نشر", "", T0));
        // a body too short to compare: matched by its title, with no body hash
        m.put("short-body", item("c", "https://c.example/s", "هطول أمطار غزيرة على مكة المكرمة", "التفاصيل لاحقا.", T0));
        // built directly, as the normalizer would not: no title and no keys, so both are derived here
        m.put("no-title", direct("https://d.example/n", "", "", FAIR + " " + BUS_LINE, ""));
        // keys without display text: the lead is taken from the body key
        m.put("keys-only", direct("https://d.example/k", "", ArabicText.matchingKey("الحافلات السريعة في جدة"), "",
                ArabicText.matchingKey(BUS_LINE + " " + longText())));
        m.put("long", item("e", "https://e.example/long", "تقرير: الطاقة المتجددة تغطي ٤٠٪ من الطلب", longText(), T0));
        m.put("agency-latin-ligatures", item("f", "https://f.example/agency", "Riyadh Season 2025: أرقام قياسية للزوار",
                "الرياض (رويترز) - " + BUS_LINE.replace("جدة", "الرياض") + " COVID-19 ﻻ ﷲ", T0, Role.MAIN, "رويترز"));
        // an "other news" item on its parent's page has no URL key; one with a fragment keeps its raw URL
        m.put("other-on-parent", other("https://g.example/page", "https://g.example/page",
                "أخبار متفرقة: انقطاع الكهرباء في حي السلامة", FAIR));
        m.put("other-with-fragment", other("https://g.example/page#3", "https://g.example/page",
                "أخبار متفرقة: ارتفاع أسعار الذهب", BUS_LINE));
        return m;
    }

    /** Over four hundred words of varied sentences, well past the lead. */
    private static String longText() {
        String[] subjects = {"محطة الطاقة الشمسية", "مزرعة الرياح الشمالية", "شبكة النقل الكهربائي", "مشروع تخزين البطاريات",
            "مصنع الألواح الكهروضوئية", "مركز أبحاث الهيدروجين"};
        String[] verbs = {"أنجزت", "رفعت", "خفضت", "وسعت", "أطلقت", "استكملت"};
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 36; i++) {
            b.append(verbs[i % verbs.length]).append(' ').append(subjects[(i * 5) % subjects.length])
                    .append(" المرحلة رقم ").append(i + 1).append(" من خطتها بقدرة ").append(120 + 7 * i)
                    .append(" ميغاواط، وتوقع المهندسون أن توفر ").append(i % 4 == 0 ? "٣٫٥" : String.valueOf(i * 3))
                    .append(" مليون ريال سنويا على الموازنة العامة للدولة.");
            b.append(i % 6 == 5 ? "\n" : " ");
        }
        return b.toString();
    }

    private static NormalizedItem other(String url, String parentUrl, String title, String text) {
        RawItem raw = new RawItem("g", url, url, title, "", text, null, T0, null, null, null, List.of(), Role.OTHER, parentUrl);
        return new ItemNormalizer().normalize(raw, ZoneOffset.UTC, T0);
    }

    private static Map<String, String> pinned(String... namesAndDigests) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndDigests.length; i += 2) m.put(namesAndDigests[i], namesAndDigests[i + 1]);
        return m;
    }

    private static NormalizedItem direct(String url, String title, String titleKey, String text, String textKey) {
        RawItem raw = new RawItem("d", url, url, title, "", text, null, T0, null, null, null, List.of(), Role.MAIN, null);
        return new NormalizedItem(raw, title, text, titleKey, textKey, url, T0, null, null);
    }

    /** The first 8 bytes of SHA-256 over the fields (the keys too if asked), in order, with lengths. */
    static String digest(Fingerprint f, boolean withKeys) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            ints(out, f.shingles());
            ints(out, f.titleTokens());
            ints(out, f.words());
            out.writeInt(f.numbers().size());
            for (String n : f.numbers()) {
                byte[] utf8 = n.getBytes(StandardCharsets.UTF_8);
                out.writeInt(utf8.length);
                out.write(utf8);
            }
            out.writeBoolean(f.titleOnly());
            out.writeLong(f.urlHash());
            out.writeLong(f.bodyHash());
            out.writeLong(f.titleHash());
            if (withKeys) {
                longs(out, f.storeKeys());
                longs(out, f.lookupKeys());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());
            return HexFormat.of().formatHex(sha, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void ints(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int v : values) out.writeInt(v);
    }

    private static void longs(DataOutputStream out, long[] values) throws IOException {
        out.writeInt(values.length);
        for (long v : values) out.writeLong(v);
    }
}
