package org.nashra.dedup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nashra.text.ArabicText;

/**
 * The countries a text names, by name or capital. Template news is told apart by them: one
 * ministry's cable of congratulation to Colombia and its cable to Egypt share every word but the
 * names, as do two "the King receives the ambassador of ..." items.
 *
 * <p>Only unambiguous names are listed: a capital that is also a common word or a person's name
 * is left out, since a false "names another country" splits a real copy.
 */
final class Countries {
    /** Marks a country code among a fingerprint's numbers. */
    static final char MARK = '@';
    /** Marks the code of a country the headline names. */
    static final char TITLE_MARK = '^';

    /** Conjunction and preposition clitics a name can carry: وبالعراق، فلمصر، ولليمن. */
    private static final String[] CLITICS = {"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"};
    /**
     * Token forms to what they name: a country code, and whether the token starts a name of two
     * words (الولايات المتحدة), after which the pair is looked up. One lookup per token.
     */
    private static final Map<String, Form> FORMS = new HashMap<>();

    private record Form(String code, boolean firstOfTwo) {}

    static {
        add("SA", "السعودية", "الرياض", "جدة");
        add("EG", "مصر", "القاهرة");
        add("IQ", "العراق", "بغداد");
        add("SY", "سوريا", "سورية", "دمشق");
        add("LB", "لبنان", "بيروت");
        add("JO", "الأردن", "الاردن");
        add("PS", "فلسطين", "غزة", "رام الله");
        add("YE", "اليمن", "صنعاء", "عدن");
        add("KW", "الكويت");
        add("BH", "البحرين", "المنامة");
        add("QA", "قطر", "الدوحة");
        add("AE", "الإمارات", "أبوظبي", "دبي");
        add("OM", "عمان", "عُمان", "مسقط");
        add("SD", "السودان", "الخرطوم");
        add("LY", "ليبيا", "طرابلس");
        add("TN", "تونس");
        add("DZ", "الجزائر");
        add("MA", "المغرب", "الرباط");
        add("MR", "موريتانيا", "نواكشوط");
        add("SO", "الصومال", "مقديشو");
        add("DJ", "جيبوتي");
        add("KM", "جزر القمر");
        add("IR", "إيران", "طهران");
        add("TR", "تركيا", "أنقرة", "إسطنبول", "اسطنبول");
        add("IL", "إسرائيل", "تل أبيب");
        add("US", "أمريكا", "أميركا", "الولايات المتحدة", "واشنطن");
        add("GB", "بريطانيا", "المملكة المتحدة", "لندن");
        add("FR", "فرنسا", "باريس");
        add("DE", "ألمانيا", "برلين");
        add("IT", "إيطاليا", "روما");
        add("ES", "إسبانيا", "مدريد");
        add("RU", "روسيا", "موسكو");
        add("CN", "الصين", "بكين");
        add("JP", "اليابان", "طوكيو");
        add("IN", "الهند", "نيودلهي");
        add("PK", "باكستان", "إسلام آباد");
        add("AF", "أفغانستان", "كابول");
        add("ID", "إندونيسيا", "جاكرتا");
        add("MY", "ماليزيا", "كوالالمبور");
        add("KR", "كوريا");
        add("UA", "أوكرانيا", "كييف");
        add("CO", "كولومبيا", "بوغوتا");
        add("BR", "البرازيل");
        add("AR", "الأرجنتين");
        add("MX", "المكسيك");
        add("CA", "كندا", "أوتاوا");
        add("AU", "أستراليا");
        add("NG", "نيجيريا");
        add("ET", "إثيوبيا", "أديس أبابا");
        add("KE", "كينيا", "نيروبي");
        add("ZA", "جنوب أفريقيا");
        add("GR", "اليونان", "أثينا");
        add("BE", "بلجيكا", "بروكسل");
        add("NL", "هولندا", "أمستردام");
        add("SE", "السويد");
        add("CH", "سويسرا", "جنيف");
        add("AT", "النمسا", "فيينا");
        add("PL", "بولندا", "وارسو");
        add("BD", "بنغلاديش", "دكا");
        add("LK", "سريلانكا");
        add("PH", "الفلبين", "مانيلا");
        add("TH", "تايلاند", "بانكوك");
        add("VN", "فيتنام");
        add("VE", "فنزويلا");
        add("CU", "كوبا");
        add("CY", "قبرص");
        add("TM", "تركمانستان");
        add("KZ", "كازاخستان", "أستانا");
        add("AZ", "أذربيجان", "باكو");
        add("AM", "أرمينيا");
        add("GE", "جورجيا");
        add("CD", "الكونغو");
        add("NE", "النيجر");
        add("TD", "تشاد");
        add("SN", "السنغال");
    }

    static {
        // nationality adjectives, stem as the key writes it: التونسية، المصري، العراقيين
        adjectives("SA", "سعودي"); adjectives("EG", "مصري"); adjectives("IQ", "عراقي"); adjectives("SY", "سوري");
        adjectives("LB", "لبناني"); adjectives("JO", "أردني"); adjectives("PS", "فلسطيني"); adjectives("YE", "يمني");
        adjectives("KW", "كويتي"); adjectives("BH", "بحريني"); adjectives("QA", "قطري"); adjectives("AE", "إماراتي");
        adjectives("OM", "عماني"); adjectives("SD", "سوداني"); adjectives("LY", "ليبي"); adjectives("TN", "تونسي");
        adjectives("DZ", "جزائري"); adjectives("MA", "مغربي"); adjectives("MR", "موريتاني"); adjectives("SO", "صومالي");
        adjectives("IR", "إيراني"); adjectives("IL", "إسرائيلي"); adjectives("US", "أمريكي"); adjectives("US", "أميركي");
        adjectives("GB", "بريطاني"); adjectives("FR", "فرنسي"); adjectives("DE", "ألماني"); adjectives("IT", "إيطالي");
        adjectives("ES", "إسباني"); adjectives("RU", "روسي"); adjectives("CN", "صيني"); adjectives("JP", "ياباني");
        adjectives("IN", "هندي"); adjectives("PK", "باكستاني"); adjectives("AF", "أفغاني"); adjectives("CO", "كولومبي");
        adjectives("UA", "أوكراني"); adjectives("KR", "كوري"); adjectives("ID", "إندونيسي"); adjectives("MY", "ماليزي");
        adjectives("CA", "كندي"); adjectives("AU", "أسترالي"); adjectives("NG", "نيجيري"); adjectives("ET", "إثيوبي");
        adjectives("GR", "يوناني"); adjectives("BE", "بلجيكي"); adjectives("NL", "هولندي"); adjectives("CH", "سويسري");
        adjectives("AT", "نمساوي"); adjectives("BR", "برازيلي"); adjectives("AR", "أرجنتيني"); adjectives("MX", "مكسيكي");
        // تركي is also a man's name (تركي الفيصل), so Turkey is known by its name and cities only
    }

    private Countries() {}

    private static void adjectives(String code, String stem) {
        String k = ArabicText.matchingKey(stem);
        for (String suffix : new String[] {"", "ه", "ين", "ون", "ان", "تين"}) {
            for (String clitic : CLITICS) {
                putForms(clitic, k + suffix, code);
                putForms(clitic, "ال" + k + suffix, code);
            }
        }
    }

    // Every clitic form is listed up front, so a token costs one lookup and no new string.
    private static void add(String code, String... names) {
        for (String name : names) {
            String key = ArabicText.matchingKey(name);
            int space = key.indexOf(' ');
            String first = space > 0 ? key.substring(0, space) : key;
            for (String clitic : CLITICS) {
                putForms(clitic, key, code);
                if (space > 0) FORMS.merge(clitic + first, new Form(null, true), (had, add) -> new Form(had.code(), true));
            }
        }
    }

    private static void putForms(String clitic, String key, String code) {
        putForm(clitic + key, code);
        // ل before the article drops its alef: للعراق، وللعراق
        if (key.startsWith("ال") && clitic.endsWith("ل")) putForm(clitic + key.substring(1), code);
    }

    private static void putForm(String form, String code) {
        FORMS.merge(form, new Form(code, false), (had, add) -> had.code() != null ? had : new Form(code, had.firstOfTwo()));
    }

    /** Adds {@code MARK + code} for each country named among the matching-key tokens. */
    static void addNamed(List<String> tokens, Set<String> out) {
        addNamed(tokens, MARK, out);
    }

    /** Adds {@code mark + code} for each country named among the matching-key tokens. */
    static void addNamed(List<String> tokens, char mark, Set<String> out) {
        for (int i = 0; i < tokens.size(); i++) {
            // a lookup per token, and a pair only after a known first word: this runs on every lead
            Form form = FORMS.get(tokens.get(i));
            if (form == null) continue;
            String code = null;
            if (form.firstOfTwo() && i + 1 < tokens.size()) {
                Form pair = FORMS.get(tokens.get(i) + " " + tokens.get(i + 1));
                if (pair != null) code = pair.code();
            }
            if (code == null) code = form.code();
            if (code == null || isIdiom(code, tokens, i)) continue;
            out.add(mark + code);
        }
    }

    /**
     * Names that are also words: "باليمن والخير والبركات" (with blessing and good, an Eid
     * greeting) and صلاة المغرب (the sunset prayer) name no country.
     */
    private static boolean isIdiom(String code, List<String> tokens, int i) {
        if (code.equals("YE") && i + 1 < tokens.size()) return NEXT_TO_YUMN.contains(tokens.get(i + 1));
        if (code.equals("MA") && i > 0) return BEFORE_MAGHRIB.contains(tokens.get(i - 1));
        return false;
    }

    private static final Set<String> NEXT_TO_YUMN = keys("والخير", "والبركات", "والبركة", "والمسرات", "والإيمان");
    private static final Set<String> BEFORE_MAGHRIB = keys("صلاة", "صلاتي", "أذان", "بعد", "قبل", "وقت");

    private static Set<String> keys(String... words) {
        java.util.HashSet<String> out = new java.util.HashSet<>();
        for (String w : words) out.add(ArabicText.matchingKey(w));
        return Set.copyOf(out);
    }

    /** A country code among a fingerprint's numbers. */
    static boolean isCountry(String number) {
        return !number.isEmpty() && number.charAt(0) == MARK;
    }

    /** A country the headline names. */
    static boolean isTitleCountry(String number) {
        return !number.isEmpty() && number.charAt(0) == TITLE_MARK;
    }

    /** The country codes among a fingerprint's numbers, without their mark. */
    static List<String> codes(List<String> numbers) {
        return numbers.stream().filter(Countries::isCountry).map(n -> n.substring(1)).toList();
    }

    /** A fingerprint's numbers and weekday names, without the country codes. */
    static List<String> withoutCodes(List<String> numbers) {
        for (String n : numbers) {
            if (isCountry(n) || isTitleCountry(n)) return numbers.stream().filter(x -> !isCountry(x) && !isTitleCountry(x)).toList();
        }
        return numbers;
    }
}
