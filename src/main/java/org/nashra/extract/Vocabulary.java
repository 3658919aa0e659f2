package org.nashra.extract;

import java.util.HashSet;
import java.util.Set;
import org.nashra.text.ArabicText;

/** Crude content-word stems, enough to tell whether two paragraphs talk about the same thing. */
final class Vocabulary {
    private static final Set<String> STOP = Set.of("في", "من", "الى", "علي", "عن", "ان", "مع", "هذا", "هذه", "ذلك",
            "التي", "الذي", "الذين", "كان", "كانت", "قال", "وقال", "اكد", "واكد", "بين", "خلال", "بعد", "قبل", "حول",
            "كما", "لها", "له", "هو", "هي", "ما", "لا", "لم", "لن", "قد", "او", "ثم", "حتي", "اليوم", "امس", "عند",
            "كل", "اي", "انه", "انها", "وفق", "بيان", "ايضا", "فيه", "فيها", "منذ", "عام", "العام", "الي", "تم");

    private Vocabulary() {}

    static Set<String> contentStems(String text) {
        Set<String> out = new HashSet<>();
        for (String t : ArabicText.tokens(text)) {
            if (STOP.contains(t)) continue;
            String s = stem(t);
            if (s.length() >= 3 && !STOP.contains(s)) out.add(s);
        }
        return out;
    }

    /** Strips the article and one-letter proclitics and a few suffixes. */
    static String stem(String t) {
        String s = t;
        for (String p : new String[] {"وبال", "وال", "بال", "كال", "فال", "لل", "ال"}) {
            if (s.startsWith(p) && s.length() - p.length() >= 3) {
                s = s.substring(p.length());
                break;
            }
        }
        if (s.length() >= 5 && (s.startsWith("و") || s.startsWith("ب") || s.startsWith("ل") || s.startsWith("ف"))) {
            s = s.substring(1);
        }
        for (String suf : new String[] {"يه", "ين", "ون", "ات", "ها", "ه", "ي"}) {
            if (s.endsWith(suf) && s.length() - suf.length() >= 3) {
                s = s.substring(0, s.length() - suf.length());
                break;
            }
        }
        return s;
    }
}
