package org.nashra.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.nashra.config.SourceConfig;
import org.nashra.text.ArabicText;

/**
 * Decides which lines of a body are site chrome: configured phrases, publication labels alone on
 * a line ("نشر", "بواسطة"), share and subscribe texts, the outlet's own name alone on a line, and
 * lines the {@link BoilerplateLearner} has seen on many pages of the source.
 */
final class BoilerplateFilter {
    /** Labels that only ever introduce metadata (matching keys). */
    private static final Set<String> LABELS = keys("نشر", "نشر في", "نشرت في", "تم النشر", "بواسطة", "كتب", "كتبه",
            "بقلم", "المصدر", "تاريخ النشر", "آخر تحديث", "اخر تحديث", "تحديث", "محرر", "المحرر", "الكاتب",
            "اقرأ المزيد", "إقرأ المزيد", "المزيد", "التعليقات", "تعليقات", "أضف تعليق", "اضف تعليق",
            "شارك", "شارك الخبر", "شارك المقال", "مشاركة", "طباعة", "حفظ", "نسخ الرابط", "الرابط المختصر",
            "الوسوم", "كلمات مفتاحية", "الكلمات المفتاحية", "وسوم", "التسميات", "التصنيفات", "تابعنا", "تابعونا", "اشترك", "إعلان", "اعلان");
    /** Labels that start a short metadata line ("نشر في 12 مايو", "بواسطة فلان"). */
    private static final Set<String> LABEL_PREFIXES = keys("نشر في", "نشرت في", "بواسطة", "بقلم", "كتب", "المصدر",
            "تاريخ النشر", "آخر تحديث", "اخر تحديث", "تم النشر", "الوسوم", "كلمات مفتاحية", "الكلمات المفتاحية",
            "التسميات", "التصنيفات", "التصنيف", "الأقسام", "القسم");
    /** Words of share/subscribe/print widgets; a short line made only of these is chrome. */
    private static final Set<String> SHARE_WORDS = keys("شارك", "شاركها", "شاركوا", "مشاركة", "المشاركة", "تابعونا",
            "تابعنا", "تابعوا", "اشترك", "اشتركوا", "الاشتراك", "طباعة", "اطبع", "واتساب", "واتس", "اب", "آب",
            "فيسبوك", "فيس", "بوك", "تويتر", "إكس", "تلغرام", "تليغرام", "تيليجرام", "تلجرام", "لينكدإن", "لينكدان",
            "انستغرام", "إنستغرام", "انستجرام", "يوتيوب", "عبر", "على", "في", "من", "الخبر", "المقال", "الآن",
            "قناة", "قناتنا", "القناة", "صفحتنا", "صفحة", "حساب", "حسابنا", "النشرة", "البريدية", "نشرتنا",
            "إرسال", "ارسال", "أرسل", "بريد", "البريد", "الإلكتروني", "نسخ", "الرابط", "رابط", "مختصر", "حفظ",
            "email", "facebook", "twitter", "whatsapp", "telegram", "print", "share", "x", "linkedin",
            "pinterest", "messenger", "reddit", "copy", "link", "subscribe", "follow", "us", "on", "جوجل",
            "نيوز", "google", "news", "خدمة", "عاجل", "لتصلك", "الأخبار", "آخر", "أخبار", "اخبار");
    private static final Set<String> SHARE_TRIGGERS = keys("شارك", "شاركها", "شاركوا", "مشاركة", "تابعونا", "تابعنا",
            "تابعوا", "اشترك", "اشتركوا", "طباعة", "اطبع", "واتساب", "فيسبوك", "تويتر", "تلغرام", "تيليجرام",
            "share", "print", "whatsapp", "facebook", "twitter", "telegram", "subscribe", "email");

    private static final Set<String> DATE_WORDS = keys("يناير", "فبراير", "مارس", "أبريل", "ابريل", "مايو", "يونيو",
            "يوليو", "أغسطس", "اغسطس", "سبتمبر", "أكتوبر", "اكتوبر", "نوفمبر", "ديسمبر", "كانون", "الثاني", "الأول",
            "شباط", "آذار", "اذار", "نيسان", "أيار", "ايار", "حزيران", "تموز", "آب", "اب", "أيلول", "ايلول", "تشرين",
            "السبت", "الأحد", "الاحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الاربعاء", "الخميس", "الجمعة",
            "ص", "م", "صباحا", "مساء", "مساءً", "صباحاً", "في", "الساعة", "بتوقيت", "بغداد", "مكة", "غرينتش", "gmt",
            "am", "pm", "هـ", "ه", "محرم", "صفر", "رمضان", "شوال", "ذو", "القعدة", "الحجة", "ربيع", "جمادى",
            "الآخر", "الآخرة", "رجب", "شعبان", "منذ", "ساعة", "ساعات", "ساعتين", "دقيقة", "دقائق", "يوم", "أيام");

    private final SourceConfig source;
    private final List<String> phraseKeys;
    private final List<String> nameKeys;
    private final BoilerplateLearner learner;

    BoilerplateFilter(SourceConfig source, String siteName, BoilerplateLearner learner) {
        this.source = source;
        this.learner = learner;
        this.phraseKeys = new ArrayList<>();
        for (String p : source.boilerplate()) {
            String k = ArabicText.matchingKey(p);
            if (!k.isEmpty()) phraseKeys.add(k);
        }
        this.nameKeys = new ArrayList<>();
        for (String n : new String[] {source.name(), siteName}) {
            if (n == null) continue;
            String k = ArabicText.matchingKey(n);
            if (!k.isEmpty() && !nameKeys.contains(k)) nameKeys.add(k);
        }
    }

    /** Why the line is boilerplate, or null when it is content. */
    String reason(String line) {
        String key = ArabicText.matchingKey(line);
        if (key.isEmpty()) return null;
        for (String p : phraseKeys) {
            if (key.equals(p) || key.contains(p) && key.length() <= p.length() * 1.5 + 10) return "configured";
        }
        if (LABELS.contains(key)) return "label";
        String[] words = key.split(" ");
        if (words.length <= 6) {
            for (String prefix : LABEL_PREFIXES) {
                if (key.startsWith(prefix + " ")) return "label";
            }
        }
        if (nameKeys.contains(key)) return "outlet name";
        for (String name : nameKeys) {
            // "نشر الأمصار", "الأمصار - نشر": the label and the outlet's name run into one line
            String rest = key.replace(name, " ").strip().replaceAll("\\s+", " ");
            if (!rest.equals(key) && (rest.isEmpty() || LABELS.contains(rest))) return "label";
        }
        if (words.length <= 8 && isDateLine(words)) return "date";
        if (words.length <= 10 && isShareLine(words)) return "share";
        if (words.length <= 16 && isBylineLine(line)) return "byline";
        if (learner != null && learner.isBoilerplate(source.id(), line)) return "learned";
        return null;
    }

    private static final java.util.regex.Pattern SEGMENTS = java.util.regex.Pattern.compile("\\s*[|•·]\\s*|\\s+[-–—]\\s+");

    /**
     * A line of metadata fields run together: "كتب: فلان | الأحد 29 تشرين الثاني 2026، الساعة 12:05",
     * "منارة الجنوب - بغداد | الأحد ...". Every field is a label with a name, a date, or the outlet's
     * name; one short field (a city) may ride along when a date or the outlet's name is there.
     */
    private boolean isBylineLine(String line) {
        String[] fields = SEGMENTS.split(line.strip());
        if (fields.length < 2) return false;
        boolean anchored = false;
        int free = 0;
        for (String field : fields) {
            String key = ArabicText.matchingKey(field);
            if (key.isEmpty()) continue;
            String[] w = key.split(" ");
            if (nameKeys.contains(key) || w.length <= 8 && isDateLine(w)) {
                anchored = true;
            } else if (LABELS.contains(key) || w.length <= 6 && LABEL_PREFIXES.stream().anyMatch(p -> key.startsWith(p + " "))) {
                anchored = true;
            } else if (w.length <= 2 && free == 0) {
                free++;
            } else {
                return false;
            }
        }
        return anchored;
    }

    /** A line that is only a date or time ("الخميس، 22 يونيو 2023 - 10:30 ص"). */
    private static boolean isDateLine(String[] words) {
        boolean digit = false;
        for (String w : words) {
            if (w.chars().allMatch(Character::isDigit)) {
                digit = true;
            } else if (!DATE_WORDS.contains(w)) {
                return false;
            }
        }
        return digit;
    }

    /** A short line made only of share and follow words ("تابعونا على قناتنا في تلغرام"). */
    static boolean isShareText(String line) {
        String key = ArabicText.matchingKey(line);
        if (key.isEmpty()) return false;
        String[] words = key.split(" ");
        return words.length <= 10 && isShareLine(words);
    }

    private static boolean isShareLine(String[] words) {
        boolean trigger = false;
        for (String w : words) {
            if (!SHARE_WORDS.contains(w)) return false;
            if (SHARE_TRIGGERS.contains(w)) trigger = true;
        }
        return trigger;
    }

    private static Set<String> keys(String... words) {
        java.util.HashSet<String> out = new java.util.HashSet<>();
        for (String w : words) out.add(ArabicText.matchingKey(w));
        return Set.copyOf(out);
    }
}
