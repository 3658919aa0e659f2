package org.nashra.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wire-agency credits: "(رويترز)", "بغداد (أ ف ب) -", "الرياض - واس:" near the start of a text,
 * or "المصدر: رويترز" at its end. One canonical name per agency, whatever spelling the outlet
 * used. A name mentioned in running text ("قالت وكالة رويترز إن...") is not a credit.
 */
public final class Agencies {
    private Agencies() {}

    private record Agency(String name, boolean ambiguous, List<String> spellings) {}

    // Short names that are also ordinary words (بنا "with us", واف) count only in brackets.
    private static final List<Agency> AGENCIES = List.of(
            new Agency("رويترز", false, List.of("رويترز", "رويتر", "reuters")),
            new Agency("فرانس برس", false, List.of("~ا ف ب", "فرانس برس", "فرانس بريس", "afp")),
            new Agency("أسوشيتد برس", false, List.of("~ا ب", "اسوشيتد برس", "اسوشييتد برس", "اسوشيتدبرس", "ap")),
            new Agency("د ب أ", false, List.of("~د ب ا", "dpa")),
            new Agency("أ ش أ", false, List.of("~ا ش ا")),
            new Agency("الأناضول", false, List.of("الاناضول", "وكاله الاناضول", "aa")),
            new Agency("شينخوا", false, List.of("شينخوا", "شينهوا", "xinhua")),
            new Agency("واس", false, List.of("واس", "spa")),
            new Agency("وام", false, List.of("وام", "wam")),
            new Agency("قنا", false, List.of("قنا", "qna")),
            new Agency("سانا", false, List.of("سانا", "sana")),
            new Agency("واع", false, List.of("واع", "ina")),
            new Agency("كونا", false, List.of("كونا", "kuna")),
            new Agency("بنا", true, List.of("بنا", "bna")),
            new Agency("واف", true, List.of("واف")),
            new Agency("وفا", true, List.of("وفا", "wafa")),
            new Agency("بترا", false, List.of("بترا", "petra")),
            new Agency("العمانية", false, List.of("العمانيه")),
            new Agency("سبأ", true, List.of("سبا")),
            new Agency("ومع", true, List.of("ومع")),
            new Agency("واج", true, List.of("واج")),
            new Agency("الأنباء الأردنية", false, List.of("الانباء الاردنيه")),
            new Agency("سبوتنيك", false, List.of("سبوتنيك", "sputnik")),
            new Agency("تاس", true, List.of("تاس", "tass")));

    private static final int HEAD = 200;
    private static final int TAIL = 160;

    private record Rule(Agency agency, Pattern bracketed, Pattern head, Pattern tail) {}

    private static final List<Rule> RULES = new ArrayList<>();

    static {
        for (Agency a : AGENCIES) {
            StringBuilder alt = new StringBuilder();
            for (String sp : a.spellings) {
                if (alt.length() > 0) alt.append('|');
                alt.append(sp.startsWith("~") ? initials(sp.substring(1)) : Pattern.quote(sp).replace(" ", "\\E\\s*\\Q"));
            }
            String name = "(?:" + alt + ")";
            String end = "(?![\\p{L}\\p{N}])";
            String start = "(?<![\\p{L}\\p{N}])";
            Pattern bracketed = Pattern.compile("[(\\[]\\s*(?:وكاله\\s*)?" + name + "\\s*(?:[,/،]\\s*[^)\\]]{0,40})?[)\\]]");
            // "بغداد - رويترز:" or "رويترز -" at the very start; "المصدر: رويترز" at the end
            Pattern head = Pattern.compile("^[^.:\\n]{0,40}?(?:^|[-–—:]\\s*)" + start + name + end + "\\s*[-–—:]");
            Pattern tail = Pattern.compile("(?:المصدر|المصادر|source|نقلا عن|عن)\\s*[:-]?\\s*(?:وكاله\\s*)?" + start
                    + name + end + "[\\s.)]*$");
            RULES.add(new Rule(a, bracketed, head, tail));
        }
    }

    /** "ا ف ب" as initials: "أ ف ب", "أ.ف.ب", "ا. ف. ب", "أفب" is not accepted (a word). */
    private static String initials(String letters) {
        String[] l = letters.split(" ");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < l.length; i++) {
            if (i > 0) b.append("\\s*\\.?\\s*");
            b.append(Pattern.quote(l[i]));
        }
        return "(?<![\\p{L}])" + b + "\\.?(?![\\p{L}])";
    }

    /** The agency credited in {@code text}, by its canonical Arabic name. */
    public static Optional<String> detect(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        String s = DateText.fold(text);
        String head = s.length() <= HEAD ? s : s.substring(0, HEAD);
        String tail = s.length() <= TAIL ? s : s.substring(s.length() - TAIL);
        // a bracketed credit near either end first, earliest position wins
        Optional<String> found = earliest(head, true, false);
        if (found.isEmpty()) found = earliest(head, false, false);
        if (found.isEmpty()) found = earliest(tail, true, false);
        if (found.isEmpty()) found = earliest(tail, false, true);
        return found;
    }

    private static Optional<String> earliest(String s, boolean bracketed, boolean atTail) {
        int best = Integer.MAX_VALUE;
        String name = null;
        for (Rule r : RULES) {
            Pattern p = bracketed ? r.bracketed : (atTail ? r.tail : r.head);
            if (!bracketed && r.agency.ambiguous && !atTail) continue;
            Matcher m = p.matcher(s);
            if (m.find() && m.start() < best) {
                best = m.start();
                name = r.agency.name;
            }
        }
        return Optional.ofNullable(name);
    }
}
