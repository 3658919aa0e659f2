package org.nashra.text;

import java.time.DayOfWeek;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/** Month, day and unit names in the folded spelling of {@link DateText#fold}. */
final class Names {
    private Names() {}

    static final Map<String, Integer> MONTHS = new HashMap<>();
    static final Map<String, Integer> HIJRI = new HashMap<>();
    static final Map<String, DayOfWeek> DAYS = new HashMap<>();
    static final Map<String, Long> NUMBER_WORDS = new HashMap<>();
    static final Map<String, Unit> UNITS = new HashMap<>();
    static final Map<String, ChronoUnit> EN_UNITS = new HashMap<>();

    record Unit(ChronoUnit unit, boolean dual) {}

    static {
        // Egyptian / Gulf (transliterated Latin names), with the spellings outlets use
        months(1, "يناير", "ينايير");
        months(2, "فبراير", "فبرير");
        months(3, "مارس");
        months(4, "ابريل", "ابرايل");
        months(5, "مايو");
        months(6, "يونيو", "يونيه");
        months(7, "يوليو", "يوليه");
        months(8, "اغسطس", "اغسطوس", "أغسطس");
        months(9, "سبتمبر");
        months(10, "اكتوبر");
        months(11, "نوفمبر");
        months(12, "ديسمبر");
        // Levantine / Iraqi (Syriac names); "تشرين اول" without the article occurs in Iraq
        months(1, "كانون الثاني", "كانون ثاني", "كانون الثان");
        months(2, "شباط");
        months(3, "اذار");
        months(4, "نيسان");
        months(5, "ايار");
        months(6, "حزيران");
        months(7, "تموز");
        months(8, "اب");
        months(9, "ايلول");
        months(10, "تشرين الاول", "تشرين اول");
        months(11, "تشرين الثاني", "تشرين ثاني");
        months(12, "كانون الاول", "كانون اول");
        // Maghrebi (French-derived): Algeria and Tunisia
        months(1, "جانفي");
        months(2, "فيفري");
        months(4, "افريل");
        months(5, "ماي");
        months(6, "جوان");
        months(7, "جويليه", "جويلييه");
        months(8, "اوت");
        // Moroccan
        months(7, "يوليوز");
        months(8, "غشت");
        months(9, "شتنبر");
        months(11, "نونبر");
        months(12, "دجنبر");
        // Latin: English and French
        String[][] latin = {
            {"jan", "january", "janvier"}, {"feb", "february", "fevrier", "février"}, {"mar", "march", "mars"},
            {"apr", "april", "avril"}, {"may", "mai"}, {"jun", "june", "juin"}, {"jul", "july", "juillet"},
            {"aug", "august", "aout", "août"}, {"sep", "sept", "september", "septembre"},
            {"oct", "october", "octobre"}, {"nov", "november", "novembre"}, {"dec", "december", "decembre", "décembre"}};
        for (int i = 0; i < 12; i++) months(i + 1, latin[i]);

        hijri(1, "محرم");
        hijri(2, "صفر");
        hijri(3, "ربيع الاول", "ربيع اول");
        hijri(4, "ربيع الثاني", "ربيع الاخر", "ربيع ثاني", "ربيع الثان");
        hijri(5, "جمادي الاولي", "جمادي الاول", "جمادي اولي");
        hijri(6, "جمادي الاخره", "جمادي الثانيه", "جمادي الاخر", "جمادي الثاني", "جمادي ثاني");
        hijri(7, "رجب");
        hijri(8, "شعبان");
        hijri(9, "رمضان");
        hijri(10, "شوال");
        hijri(11, "ذو القعده", "ذي القعده", "ذو القعده");
        hijri(12, "ذو الحجه", "ذي الحجه");

        days(DayOfWeek.SUNDAY, "الاحد", "احد", "sun", "sunday", "dimanche");
        days(DayOfWeek.MONDAY, "الاثنين", "الاتنين", "اثنين", "mon", "monday", "lundi");
        days(DayOfWeek.TUESDAY, "الثلاثاء", "ثلاثاء", "الثلاثا", "tue", "tues", "tuesday", "mardi");
        days(DayOfWeek.WEDNESDAY, "الاربعاء", "اربعاء", "الاربعا", "wed", "wednesday", "mercredi");
        days(DayOfWeek.THURSDAY, "الخميس", "خميس", "thu", "thur", "thurs", "thursday", "jeudi");
        days(DayOfWeek.FRIDAY, "الجمعه", "جمعه", "fri", "friday", "vendredi");
        days(DayOfWeek.SATURDAY, "السبت", "سبت", "sat", "saturday", "samedi");

        String[][] numbers = {
            {"واحد", "واحده"}, {"اثنين", "اثنتين", "اثنان"}, {"ثلاث", "ثلاثه"}, {"اربع", "اربعه"},
            {"خمس", "خمسه"}, {"ست", "سته"}, {"سبع", "سبعه"}, {"ثماني", "ثمان", "ثمانيه"},
            {"تسع", "تسعه"}, {"عشر", "عشره"}};
        for (int i = 0; i < numbers.length; i++) for (String w : numbers[i]) NUMBER_WORDS.put(w, (long) i + 1);

        units(ChronoUnit.SECONDS, "ثانيه", "ثوان", "ثواني", "ثواني");
        units(ChronoUnit.MINUTES, "دقيقه", "دقائق", "دقايق", "د", "دقيقة");
        units(ChronoUnit.HOURS, "ساعه", "ساعات", "س");
        units(ChronoUnit.DAYS, "يوم", "ايام");
        units(ChronoUnit.WEEKS, "اسبوع", "اسابيع");
        units(ChronoUnit.MONTHS, "شهر", "اشهر", "شهور");
        units(ChronoUnit.YEARS, "سنه", "سنوات", "عام", "اعوام");
        dual(ChronoUnit.SECONDS, "ثانيتين", "ثانيتان");
        dual(ChronoUnit.MINUTES, "دقيقتين", "دقيقتان");
        dual(ChronoUnit.HOURS, "ساعتين", "ساعتان");
        dual(ChronoUnit.DAYS, "يومين", "يومان");
        dual(ChronoUnit.WEEKS, "اسبوعين", "اسبوعان");
        dual(ChronoUnit.MONTHS, "شهرين", "شهران");
        dual(ChronoUnit.YEARS, "سنتين", "عامين");
        EN_UNITS.put("second", ChronoUnit.SECONDS);
        EN_UNITS.put("minute", ChronoUnit.MINUTES);
        EN_UNITS.put("min", ChronoUnit.MINUTES);
        EN_UNITS.put("hour", ChronoUnit.HOURS);
        EN_UNITS.put("day", ChronoUnit.DAYS);
        EN_UNITS.put("week", ChronoUnit.WEEKS);
        EN_UNITS.put("month", ChronoUnit.MONTHS);
    }

    private static void months(int m, String... names) {
        for (String n : names) MONTHS.put(DateText.fold(n), m);
    }

    private static void hijri(int m, String... names) {
        for (String n : names) HIJRI.put(DateText.fold(n), m);
    }

    private static void days(DayOfWeek d, String... names) {
        for (String n : names) DAYS.put(DateText.fold(n), d);
    }

    private static void units(ChronoUnit u, String... names) {
        for (String n : names) UNITS.put(DateText.fold(n), new Unit(u, false));
    }

    private static void dual(ChronoUnit u, String... names) {
        for (String n : names) UNITS.put(DateText.fold(n), new Unit(u, true));
    }
}
