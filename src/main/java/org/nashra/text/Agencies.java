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

    /** A dateline credit sits in the first characters: "بغداد (رويترز) -", "عين اليوم – واس". */
    private static final int HEAD = 80;

    private record Rule(Agency agency, List<Pattern> head, List<Pattern> tail) {}

    private static final List<Rule> RULES = new ArrayList<>();

    static {
        String open = "[(\\[]\\s*(?:وكاله\\s*)?";
        String close = "\\s*(?:[,/،]\\s*[^)\\]\\n]{0,40})?[)\\]]";
        String dash = "[-–—]";
        for (Agency a : AGENCIES) {
            StringBuilder alt = new StringBuilder();
            for (String sp : a.spellings) {
                if (alt.length() > 0) alt.append('|');
                alt.append(sp.startsWith("~") ? initials(sp.substring(1)) : Pattern.quote(sp).replace(" ", "\\E\\s*\\Q"));
            }
            String name = "(?<![\\p{L}\\p{N}])(?:" + alt + ")(?![\\p{L}\\p{N}])";
            List<Pattern> head = new ArrayList<>();
            List<Pattern> tail = new ArrayList<>();
            // بغداد (رويترز) - ; a bracket without the dateline dash is a mention: "وكالة (الأناضول) أن"
            head.add(Pattern.compile(open + name + close + "\\s*(?:[-–—:\\n]|$)"));
            tail.add(Pattern.compile(open + name + close + "[\\s.]*$")); // ... (واس)
            tail.add(Pattern.compile("[\"«“]\\s*" + name + "\\s*[\"»”][\\s.]*$")); // ... «واس»
            tail.add(Pattern.compile("(?:المصدر|المصادر|source)\\s*[:-]?\\s*(?:وكاله\\s*)?" + name + "[\\s.]*$"));
            if (!a.ambiguous) {
                head.add(Pattern.compile("^" + name + "\\s*[-–—:]")); // واس- الرياض:
                head.add(Pattern.compile("^[^\\n.:]{0,40}?" + dash + "\\s*" + name + "\\s*(?:[-–—:\\n]|$)")); // الرياض - واس:
                tail.add(Pattern.compile("[/" + "–—-]\\s*" + name + "[\\s.]*$")); // فرانس24/أ ف ب
            }
            RULES.add(new Rule(a, head, tail));
        }
    }

    /** "ا ف ب" as initials: "أ ف ب", "أ.ف.ب", "ا. ف. ب"; "أفب" is not accepted (a word). */
    private static String initials(String letters) {
        String[] l = letters.split(" ");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < l.length; i++) {
            if (i > 0) b.append("\\s*\\.?\\s*");
            b.append(Pattern.quote(l[i]));
        }
        return b + "\\.?";
    }

    /** The agency credited in {@code text}, by its canonical Arabic name. */
    public static Optional<String> detect(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        String s = DateText.fold(text, true);
        String head = s.length() <= HEAD ? s : s.substring(0, HEAD);
        Optional<String> found = earliest(head, true);
        if (found.isPresent()) return found;
        int lastLine = s.lastIndexOf('\n');
        String tail = s.substring(Math.max(lastLine + 1, s.length() - 160));
        return earliest(tail, false);
    }

    /** The credit that starts first in {@code s}; the first named wins inside one bracket. */
    private static Optional<String> earliest(String s, boolean head) {
        int best = Integer.MAX_VALUE;
        String name = null;
        for (Rule r : RULES) {
            for (Pattern p : head ? r.head : r.tail) {
                Matcher m = p.matcher(s);
                if (m.find() && m.start() < best) {
                    best = m.start();
                    name = r.agency.name;
                }
            }
        }
        return Optional.ofNullable(name);
    }
}
