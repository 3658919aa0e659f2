package org.nashra.text;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.chrono.HijrahDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates news outlets write: RFC 822/1123 and its broken variants, ISO 8601, numeric
 * day/month/year, Arabic text dates in every month-name family (Egyptian/Gulf يناير, Levantine/
 * Iraqi كانون الثاني, Maghrebi جانفي, Moroccan يوليوز/غشت, Latin and French names), Hijri dates,
 * and relative forms (منذ ساعتين، أمس، اليوم الخميس) resolved against {@code now} in the source's
 * zone.
 *
 * <p>Hijri dates go through {@link HijrahDate}: java.time's Hijrah chronology is the Umm al-Qura
 * calendar, the official civil calendar of Saudi Arabia and the one Gulf outlets print; it needs
 * no other library at this seam. Outlets elsewhere follow local moon sighting and may differ by
 * a day; the note says the date was converted.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class DateParser {

    /** How far into the future a date may lie before it is clamped to {@code now}. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(10);

    /** Nothing older is a news date; "منذ 9999 سنة" is a typo, not the Bronze Age. */
    static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

    private final Duration tolerance;

    public DateParser() {
        this(DEFAULT_TOLERANCE);
    }

    public DateParser(Duration futureTolerance) {
        this.tolerance = Objects.requireNonNull(futureTolerance, "futureTolerance");
    }

    /**
     * @param raw  the date as the outlet wrote it
     * @param zone the source's zone, used when the string carries none
     * @param now  the fetch time: resolves relative dates and bounds future ones
     * @return empty when the string holds no recognisable date
     */
    public Optional<ParsedDate> parse(String raw, ZoneId zone, Instant now) {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(now, "now");
        if (raw == null || raw.isBlank()) return Optional.empty();
        String s = DateText.fold(raw);
        if (s.isEmpty()) return Optional.empty();
        Resolved r;
        try {
            r = iso(s, zone);
            if (r == null) r = absolute(s, zone, now);
            if (r == null) r = relative(s, raw.strip(), zone, now);
        } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
            return Optional.empty(); // 30 شباط, 25:00, "منذ 99999999 سنة" and the like: not a date
        }
        if (r == null || r.instant.isBefore(EARLIEST)) return Optional.empty();
        return Optional.of(clamp(r, now));
    }

    private ParsedDate clamp(Resolved r, Instant now) {
        if (r.instant.isAfter(now.plus(tolerance))) {
            String note = join(r.note, "future date clamped (was " + r.instant + ")");
            return new ParsedDate(now, true, note, r.precision);
        }
        return new ParsedDate(r.instant, false, r.note, r.precision);
    }

    private record Resolved(Instant instant, String note, DatePrecision precision) {}

    /** What a clock time found (or not) in the string makes of it. */
    private static DatePrecision precision(Object timeOfDay) {
        return timeOfDay == null ? DatePrecision.DAY : DatePrecision.TIME;
    }

    // ---------------------------------------------------------------- ISO 8601

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:(?:t|\\s+)(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?"
                    + "\\s*(z|utc|gmt|[+-]\\d{2}(?::?\\d{2})?)?");

    private static Resolved iso(String s, ZoneId zone) {
        Matcher m = ISO.matcher(s);
        if (!m.matches()) return null;
        LocalDate date = LocalDate.of(num(m.group(1)), num(m.group(2)), num(m.group(3)));
        LocalTime time = LocalTime.MIDNIGHT;
        if (m.group(4) != null) {
            int nanos = 0;
            if (m.group(7) != null) nanos = num((m.group(7) + "00000000").substring(0, 9));
            time = LocalTime.of(num(m.group(4)), num(m.group(5)), m.group(6) == null ? 0 : num(m.group(6)), nanos);
        }
        ZoneId z = m.group(8) == null ? null : offset(m.group(8));
        return compose(LocalDateTime.of(date, time), z, zone, m.group(4) == null ? "date only" : "", precision(m.group(4)));
    }

    // ---------------------------------------------------------------- absolute dates

    private static final Pattern TIME = Pattern.compile(
            "(?<![\\d:.])(\\d{1,2})[:.](\\d{2})(?::(\\d{2})(?:[.,]\\d{1,9})?)?(?![\\d:])");
    private static final Pattern NUMERIC_DATE = Pattern.compile(
            "(?<![\\d/.])(\\d{1,4})([/.-])(\\d{1,2})\\2(\\d{1,4})(?![\\d/-])");
    private static final Pattern PAREN = Pattern.compile("\\([^)]*\\)");

    private static final class Parts {
        Integer day;
        Integer month;
        Integer year;
        boolean hijri;
        boolean yearTwoDigits;
        DayOfWeek dayName;
        LocalTime time;
        ZoneId zone;
        String zoneNote = "";
    }

    private Resolved absolute(String s, ZoneId zone, Instant now) {
        Parts p = new Parts();
        String rest = readTime(s, p);
        rest = PAREN.matcher(rest).replaceAll(" ");
        Matcher nd = NUMERIC_DATE.matcher(rest);
        if (nd.find()) {
            numericDate(nd, p);
            rest = rest.substring(0, nd.start()) + " " + rest.substring(nd.end());
        }
        List<String> words = words(rest);
        if (p.month != null && p.year != null && p.year >= 1300 && p.year <= 1600) {
            p.hijri = true; // "15/09/1445 هـ": no Gregorian news date has such a year
        }
        if (p.month == null) readNames(words, p);
        else readDayName(words, p);
        if (p.month == null || p.day == null) return null;
        if (p.year == null && !p.hijri) return withoutYear(p, zone, now);
        if (p.year == null) return null;
        LocalDate date = toDate(p);
        String note = p.hijri ? "hijri (Umm al-Qura) " + p.day + "/" + p.month + "/" + p.year : "";
        if (p.yearTwoDigits) note = join(note, "two-digit year read as " + p.year);
        if (p.time == null) note = join(note, "date only");
        note = join(note, p.zoneNote);
        return compose(LocalDateTime.of(date, p.time == null ? LocalTime.MIDNIGHT : p.time), p.zone, zone, note,
                precision(p.time));
    }

    private Resolved withoutYear(Parts p, ZoneId zone, Instant now) {
        ZoneId z = p.zone == null ? zone : p.zone;
        LocalDate today = now.atZone(z).toLocalDate();
        LocalTime t = p.time == null ? LocalTime.MIDNIGHT : p.time;
        LocalDate d = LocalDate.of(today.getYear(), p.month, p.day);
        if (d.atTime(t).atZone(z).toInstant().isAfter(now.plus(tolerance))) d = d.minusYears(1);
        p.year = d.getYear();
        String note = join("no year, assumed " + d.getYear(), p.time == null ? "date only" : "");
        return compose(d.atTime(t), p.zone, zone, join(note, p.zoneNote), precision(p.time));
    }

    private static LocalDate toDate(Parts p) {
        if (p.hijri) {
            return LocalDate.from(HijrahDate.of(p.year, p.month, p.day));
        }
        return LocalDate.of(p.year, p.month, p.day);
    }

    /** Takes the first clock time and what follows it (AM/PM marker, zone) out of {@code s}. */
    private static String readTime(String s, Parts p) {
        Matcher m = TIME.matcher(s);
        while (m.find()) {
            // "22.06.2023" is a date, not 22:06
            if (s.charAt(m.start() + m.group(1).length()) == '.' && m.end() < s.length() && s.charAt(m.end()) == '.') continue;
            int h = num(m.group(1));
            int min = num(m.group(2));
            int sec = m.group(3) == null ? 0 : num(m.group(3));
            String before = s.substring(0, m.start());
            String after = s.substring(m.end());
            Meridiem mer = Meridiem.NONE;
            List<String> afterWords = new ArrayList<>(List.of(after.trim().split("\\s+")));
            if (!afterWords.isEmpty()) {
                mer = Meridiem.of(afterWords.get(0));
                if (mer != Meridiem.NONE) afterWords.remove(0);
            }
            if (mer == Meridiem.NONE) {
                List<String> bw = List.of(before.trim().split("\\s+"));
                mer = Meridiem.of(bw.get(bw.size() - 1));
                // "2023 م 10:30": م after a year is ميلادي (Gregorian), not مساءً
                if (mer == Meridiem.PM && bw.size() > 1 && bw.get(bw.size() - 2).matches("\\d{4}")) mer = Meridiem.NONE;
                if (mer != Meridiem.NONE) before = before.substring(0, before.trim().lastIndexOf(' ') + 1);
            }
            p.time = LocalTime.of(mer.hour(h), min, sec);
            String zoneText = String.join(" ", afterWords);
            String left = readZone(zoneText, p);
            return before + " " + left;
        }
        return s;
    }

    private enum Meridiem {
        NONE, AM, PM, NOON, NIGHT;

        static Meridiem of(String w) {
            switch (w) {
                case "ص": case "صباحا": case "صباح": case "am": case "a.m.": case "فجرا": case "الفجر": case "صباحاً":
                    return AM;
                case "م": case "مساء": case "مساءا": case "مسا": case "pm": case "p.m.": case "عصرا": case "العصر": case "المساء":
                    return PM;
                case "ظهرا": case "الظهر": case "ظهر":
                    return NOON;
                case "ليلا": case "ليل": case "الليل":
                    return NIGHT;
                default:
                    return NONE;
            }
        }

        int hour(int h) {
            switch (this) {
                case AM: return h == 12 ? 0 : h;
                case PM: return h < 12 ? h + 12 : h;
                case NOON: return h < 6 ? h + 12 : h; // 12 ظهرا stays 12, 2 ظهرا is 14
                case NIGHT: return h >= 6 && h < 12 ? h + 12 : (h == 12 ? 0 : h);
                default: return h;
            }
        }
    }

    private static final Pattern ZONE_OFFSET = Pattern.compile(
            // GMT+3, UTC -05:00; bare offsets only as +03, +0300, +03:00, so that the dash of
            // "10:30 - 22/06/2023" is not read as a zone
            "(?:\\b(?:gmt|utc|ut)\\s*([+-])\\s*(\\d{1,2})(?::?(\\d{2}))?|(?<![\\w])([+-])(\\d{2}):?(\\d{2})?)(?![\\d/.-])");
    private static final Pattern ZONE_NAME = Pattern.compile("\\b([a-z]{1,5})\\b");
    private static final Map<String, ZoneId> ZONE_NAMES = new HashMap<>();
    private static final Map<String, ZoneId> ARABIC_ZONES = new HashMap<>();

    static {
        ZoneOffset utc = ZoneOffset.UTC;
        for (String z : new String[] {"gmt", "utc", "ut", "z"}) ZONE_NAMES.put(z, utc);
        // RFC 822 section 5.1 names, and the ones Arab outlets add
        ZONE_NAMES.put("est", ZoneOffset.ofHours(-5));
        ZONE_NAMES.put("edt", ZoneOffset.ofHours(-4));
        ZONE_NAMES.put("cst", ZoneOffset.ofHours(-6));
        ZONE_NAMES.put("cdt", ZoneOffset.ofHours(-5));
        ZONE_NAMES.put("mst", ZoneOffset.ofHours(-7));
        ZONE_NAMES.put("mdt", ZoneOffset.ofHours(-6));
        ZONE_NAMES.put("pst", ZoneOffset.ofHours(-8));
        ZONE_NAMES.put("pdt", ZoneOffset.ofHours(-7));
        ZONE_NAMES.put("ast", ZoneOffset.ofHours(3)); // Arabia Standard Time in Arab feeds, not Atlantic
        ZONE_NAMES.put("ksa", ZoneOffset.ofHours(3));
        ZONE_NAMES.put("cet", ZoneOffset.ofHours(1));
        ZONE_NAMES.put("cest", ZoneOffset.ofHours(2));
        ZONE_NAMES.put("eet", ZoneOffset.ofHours(2));
        ZONE_NAMES.put("eest", ZoneOffset.ofHours(3));
        ZONE_NAMES.put("msk", ZoneOffset.ofHours(3));
        ZONE_NAMES.put("bst", ZoneOffset.ofHours(1));
        ZONE_NAMES.put("gst", ZoneOffset.ofHours(4)); // Gulf Standard Time
        ARABIC_ZONES.put("غرينتش", utc);
        ARABIC_ZONES.put("غرينيتش", utc);
        ARABIC_ZONES.put("جرينتش", utc);
        ARABIC_ZONES.put("مكه", ZoneId.of("Asia/Riyadh"));
        ARABIC_ZONES.put("الرياض", ZoneId.of("Asia/Riyadh"));
        ARABIC_ZONES.put("السعوديه", ZoneId.of("Asia/Riyadh"));
        ARABIC_ZONES.put("بغداد", ZoneId.of("Asia/Baghdad"));
        ARABIC_ZONES.put("العراق", ZoneId.of("Asia/Baghdad"));
        ARABIC_ZONES.put("القاهره", ZoneId.of("Africa/Cairo"));
        ARABIC_ZONES.put("مصر", ZoneId.of("Africa/Cairo"));
        ARABIC_ZONES.put("دمشق", ZoneId.of("Asia/Damascus"));
        ARABIC_ZONES.put("بيروت", ZoneId.of("Asia/Beirut"));
        ARABIC_ZONES.put("عمان", ZoneId.of("Asia/Amman"));
        ARABIC_ZONES.put("الامارات", ZoneId.of("Asia/Dubai"));
        ARABIC_ZONES.put("ابوظبي", ZoneId.of("Asia/Dubai"));
        ARABIC_ZONES.put("الدوحه", ZoneId.of("Asia/Qatar"));
        ARABIC_ZONES.put("الكويت", ZoneId.of("Asia/Kuwait"));
        ARABIC_ZONES.put("تونس", ZoneId.of("Africa/Tunis"));
        ARABIC_ZONES.put("الجزائر", ZoneId.of("Africa/Algiers"));
        ARABIC_ZONES.put("الرباط", ZoneId.of("Africa/Casablanca"));
    }

    /** Reads a zone from the text after the clock time; returns what is left. */
    private static String readZone(String t, Parts p) {
        String text = PAREN.matcher(t).replaceAll(" ");
        Matcher m = ZONE_OFFSET.matcher(text);
        if (m.find() && m.start() < 12) {
            int g = m.group(1) != null ? 1 : 4;
            int h = num(m.group(g + 1));
            int mi = m.group(g + 2) == null ? 0 : num(m.group(g + 2));
            int sign = m.group(g).equals("-") ? -1 : 1;
            p.zone = ZoneOffset.ofHoursMinutes(sign * h, sign * mi);
            return text.substring(0, m.start()) + " " + text.substring(m.end());
        }
        Matcher n = ZONE_NAME.matcher(text);
        while (n.find()) {
            ZoneId z = ZONE_NAMES.get(n.group(1));
            if (z != null) {
                p.zone = z;
                if (n.group(1).equals("ast")) p.zoneNote = "AST read as Arabia Standard Time (+03:00)";
                return text.substring(0, n.start()) + " " + text.substring(n.end());
            }
        }
        int at = text.indexOf("توقيت");
        if (at >= 0) {
            for (String w : text.substring(at).split("\\s+")) {
                ZoneId z = ARABIC_ZONES.get(w);
                if (z != null) {
                    p.zone = z;
                    return text.substring(0, text.lastIndexOf(' ', at) + 1);
                }
            }
        }
        return text;
    }

    private static ZoneId offset(String z) {
        if (z.equals("z") || z.equals("utc") || z.equals("gmt")) return ZoneOffset.UTC;
        String digits = z.substring(1).replace(":", "");
        int h = num(digits.substring(0, 2));
        int m = digits.length() > 2 ? num(digits.substring(2)) : 0;
        int sign = z.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * h, sign * m);
    }

    private static void numericDate(Matcher nd, Parts p) {
        String a = nd.group(1);
        String b = nd.group(3);
        String c = nd.group(4);
        if (a.length() == 4) { // yyyy/mm/dd
            p.year = num(a);
            p.month = num(b);
            p.day = num(c);
            return;
        }
        if (c.length() == 3) return;
        int first = num(a);
        int second = num(b);
        // Arab outlets write day/month; month/day only when the first cannot be a day... of a month
        if (second > 12 && first <= 12) {
            p.month = first;
            p.day = second;
        } else {
            p.day = first;
            p.month = second;
        }
        setYear(p, c);
    }

    private static void setYear(Parts p, String y) {
        int v = num(y);
        if (y.length() <= 2) {
            p.yearTwoDigits = true;
            v += v < 50 ? 2000 : 1900; // RFC 2822 section 4.3
        }
        p.year = v;
    }

    private static final Pattern SPLIT = Pattern.compile("[\\s,;/\\-.\"'«»()\\[\\]|:]+");

    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : SPLIT.split(s)) if (!w.isEmpty()) out.add(w);
        return out;
    }

    private static void readDayName(List<String> words, Parts p) {
        for (String w : words) {
            DayOfWeek d = Names.DAYS.get(w);
            if (d != null) {
                p.dayName = d;
                return;
            }
        }
    }

    /** Day, month name and year from the words; the number next to the month name is the day. */
    private static void readNames(List<String> words, Parts p) {
        // Gregorian first: "22 حزيران 2023 الموافق 4 ذو الحجة 1444 هـ" is best read by its
        // Gregorian half, since the outlet's Hijri day may follow local moon sighting
        int[] found = findMonth(words, Names.MONTHS);
        if (found == null) {
            found = findMonth(words, Names.HIJRI);
            if (found != null) p.hijri = true;
        }
        if (found == null) return;
        int monthAt = found[0];
        int monthWidth = found[1];
        p.month = found[2];
        List<Integer> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (!isNumber(w)) continue;
            if (i < monthAt) before.add(i);
            else if (i >= monthAt + monthWidth) after.add(w);
        }
        // day: the number right before the month name ("22 يونيو"), else right after ("June 22")
        if (!before.isEmpty() && before.get(before.size() - 1) == monthAt - 1 && words.get(monthAt - 1).length() <= 2) {
            p.day = num(words.get(monthAt - 1));
            if (!after.isEmpty()) setYear(p, after.get(0));
            else if (before.size() >= 2 && words.get(before.get(0)).length() == 4) p.year = num(words.get(before.get(0)));
        } else if (!after.isEmpty() && after.get(0).length() <= 2) {
            p.day = num(after.get(0));
            if (after.size() > 1) setYear(p, after.get(1));
            else if (!before.isEmpty() && words.get(before.get(0)).length() == 4) p.year = num(words.get(before.get(0)));
        } else if (!after.isEmpty() && after.get(0).length() == 4 && !before.isEmpty()) {
            p.year = num(after.get(0));
            p.day = num(words.get(before.get(before.size() - 1)));
        }
        if (p.dayName == null) readDayName(words, p);
    }

    /** {index, width in words, month} of the first month name of {@code names}, or null. */
    private static int[] findMonth(List<String> words, Map<String, Integer> names) {
        for (int i = 0; i < words.size(); i++) {
            if (i + 1 < words.size()) {
                Integer m = names.get(words.get(i) + " " + words.get(i + 1));
                if (m != null) return new int[] {i, 2, m};
            }
            Integer m = names.get(words.get(i));
            if (m != null) return new int[] {i, 1, m};
        }
        return null;
    }

    private static boolean isNumber(String w) {
        if (w.isEmpty() || w.length() > 4) return false;
        for (int i = 0; i < w.length(); i++) if (w.charAt(i) < '0' || w.charAt(i) > '9') return false;
        return true;
    }

    private static Resolved compose(LocalDateTime local, ZoneId given, ZoneId sourceZone, String note,
                                    DatePrecision precision) {
        if (given != null) return new Resolved(local.atZone(given).toInstant(), note, precision);
        ZonedDateTime z = local.atZone(sourceZone);
        return new Resolved(z.toInstant(), join(note, "no zone, used " + sourceZone.getId()), precision);
    }

    // ---------------------------------------------------------------- relative dates

    private static final Pattern AGO = Pattern.compile("(?:منذ|قبل)\\s+(.+)");
    private static final Pattern EN_AGO = Pattern.compile("(?<![\\d.])(\\d{1,6}|an?|one)\\s+(second|minute|min|hour|day|week|month)s?\\s+ago");

    private Resolved relative(String s, String raw, ZoneId zone, Instant now) {
        String note = "relative: " + raw;
        Matcher en = EN_AGO.matcher(s);
        if (en.find()) {
            long n = en.group(1).matches("\\d+") ? Long.parseLong(en.group(1)) : 1;
            ChronoUnit u = Names.EN_UNITS.get(en.group(2));
            // "2 days ago" names a day, at the clock time of now; "2 hours ago" a moment
            return new Resolved(minus(now, zone, n, u), note, u.isTimeBased() ? DatePrecision.TIME : DatePrecision.DAY);
        }
        Matcher ago = AGO.matcher(s);
        if (ago.find()) {
            Resolved r = ago(words(ago.group(1)), now, zone, note);
            if (r != null) return r;
        }
        List<String> w = words(s);
        if (w.contains("الان") || (w.contains("قليل") && w.contains("قبل")) || w.contains("now")) {
            return new Resolved(now, note, DatePrecision.TIME);
        }
        Parts p = new Parts();
        String rest = readTime(s, p);
        List<String> words = words(rest);
        readDayName(words, p);
        LocalDate today = now.atZone(p.zone == null ? zone : p.zone).toLocalDate();
        LocalDate day = null;
        if (words.contains("اليوم") || words.contains("today") || words.contains("الليله")) day = today;
        if (containsAny(words, "امس", "البارحه", "yesterday")) day = today.minusDays(1);
        if (s.contains("اول امس") || s.contains("اول من امس")) day = today.minusDays(2);
        if (day != null && p.dayName != null && day.getDayOfWeek() != p.dayName) {
            // "اليوم الخميس" in an article read on Friday: the writer's day, the name, wins
            day = day.with(TemporalAdjusters.previousOrSame(p.dayName));
            note = join(note, "day name " + p.dayName.toString().toLowerCase(Locale.ROOT) + " wins over the fetch day");
        }
        if (day == null && p.dayName != null) {
            boolean last = containsAny(words, "الماضي", "الفائت", "last");
            day = last ? today.with(TemporalAdjusters.previous(p.dayName)) : today.with(TemporalAdjusters.previousOrSame(p.dayName));
        }
        if (day == null && p.time != null && words.isEmpty()) {
            day = today; // a bare "10:30 م" on a listing page: today's item
            note = join(note, "time only, assumed today");
        }
        if (day == null) return null;
        ZoneId z = p.zone == null ? zone : p.zone;
        if (p.time == null) {
            if (day.equals(today)) return new Resolved(now, join(note, "no time, used now"), DatePrecision.DAY);
            LocalTime t = now.atZone(z).toLocalTime();
            return new Resolved(day.atTime(t).atZone(z).toInstant(), join(note, "no time, used the clock time of now"),
                    DatePrecision.DAY);
        }
        Instant at = day.atTime(p.time).atZone(z).toInstant();
        if (at.isAfter(now.plus(tolerance)) && day.equals(today) && note.contains("time only")) {
            at = day.minusDays(1).atTime(p.time).atZone(z).toInstant();
            note = join(note, "future time, read as yesterday");
        }
        return new Resolved(at, note, DatePrecision.TIME);
    }

    private static boolean containsAny(List<String> words, String... any) {
        for (String a : any) if (words.contains(a)) return true;
        return false;
    }

    /** "5 دقائق", "ساعتين", "نصف ساعة", and compounds joined by و: "3 ساعات و20 دقيقة". */
    private static Resolved ago(List<String> w, Instant now, ZoneId zone, String note) {
        Instant at = now;
        int i = 0;
        boolean any = false;
        boolean days = false;
        while (i < w.size()) {
            if (any) {
                if (!w.get(i).equals("و")) break;
                i++;
            }
            int used = agoPart(w, i);
            if (used == 0) break;
            at = minusPart(w, i, at, zone);
            days |= !partIsTimeBased(w, i, used);
            i += used;
            any = true;
        }
        // "منذ يومين" names a day, at the clock time of now; "منذ ساعتين" a moment
        return any ? new Resolved(at, note, days ? DatePrecision.DAY : DatePrecision.TIME) : null;
    }

    /** Whether the part of {@code used} words at {@code i} counts hours or less, not days or more. */
    private static boolean partIsTimeBased(List<String> w, int i, int used) {
        String first = w.get(i);
        if (first.equals("ربع") || first.equals("نصف")) return true;
        return Names.UNITS.get(w.get(i + used - 1)).unit().isTimeBased();
    }

    /** How many words one "N unit" part at {@code i} takes, 0 when there is none. */
    private static int agoPart(List<String> w, int i) {
        if (i >= w.size()) return 0;
        String first = w.get(i);
        boolean counted = isNumber(first) || Names.NUMBER_WORDS.containsKey(first);
        if ((first.equals("ربع") || first.equals("نصف")) && i + 1 < w.size() && w.get(i + 1).startsWith("ساع")) return 2;
        int unitAt = counted ? i + 1 : i;
        if (unitAt >= w.size() || !Names.UNITS.containsKey(w.get(unitAt))) return 0;
        return unitAt - i + 1;
    }

    private static Instant minusPart(List<String> w, int i, Instant from, ZoneId zone) {
        String first = w.get(i);
        if (first.equals("ربع") || first.equals("نصف")) return from.minus(Duration.ofMinutes(first.equals("ربع") ? 15 : 30));
        long n;
        Names.Unit u;
        if (isNumber(first)) {
            n = Long.parseLong(first);
            u = Names.UNITS.get(w.get(i + 1));
        } else if (Names.NUMBER_WORDS.containsKey(first)) {
            n = Names.NUMBER_WORDS.get(first);
            u = Names.UNITS.get(w.get(i + 1));
        } else {
            u = Names.UNITS.get(first);
            n = u.dual() ? 2 : 1; // "ساعتين" is two hours, "ساعة" one
        }
        return minus(from, zone, n, u.unit());
    }

    private static Instant minus(Instant now, ZoneId zone, long n, ChronoUnit unit) {
        if (unit.isTimeBased()) return now.minus(n, unit);
        // days and longer in the source's calendar: "منذ يومين" across a DST change
        return now.atZone(zone).minus(n, unit).toInstant();
    }

    private static String join(String a, String b) {
        if (a == null || a.isEmpty()) return b == null ? "" : b;
        if (b == null || b.isEmpty()) return a;
        return a + "; " + b;
    }

    private static int num(String s) {
        return Integer.parseInt(s);
    }
}
