package org.nashra.dedup;

import java.util.List;
import java.util.Locale;

/**
 * Why two items are, or are not, one story: the rule and the figures behind it. Serializes as
 * a flat JSON object (record components) for the API.
 *
 * @param rule          {@link MatchRule#wire()}: "url", "body", "other-repeat", "near", "rewrite", "title" or "none"
 * @param reason        one line with the deciding figures
 * @param titleJaccard  Jaccard of the titles' content words
 * @param bodyJaccard   Jaccard of the title-and-lead shingles (exact)
 * @param containment   shared shingles over the smaller set
 * @param titleOnly     whether either item was matched by its title alone
 * @param sharedNumbers numbers and weekday names found in both titles and leads
 * @param numbersA      numbers and weekday names of an item's title and lead; likewise numbersB
 * @param countriesA    ISO 3166 codes of the countries an item's title and lead name ({@code EG});
 *                      likewise countriesB
 * @param agency        "same", "different" or "unknown"
 */
public record Explanation(boolean matched, String rule, double score, String reason, double titleJaccard,
                          double bodyJaccard, double containment, int shinglesA, int shinglesB, boolean titleOnly,
                          List<String> sharedNumbers, List<String> numbersA, List<String> numbersB,
                          List<String> countriesA, List<String> countriesB,
                          boolean numbersAgree, String agencyA, String agencyB, String agency) {
    public Explanation {
        sharedNumbers = List.copyOf(sharedNumbers);
        numbersA = List.copyOf(numbersA);
        numbersB = List.copyOf(numbersB);
        countriesA = List.copyOf(countriesA);
        countriesB = List.copyOf(countriesB);
    }

    /** Several lines for a terminal. */
    public String text() {
        return String.format(Locale.ROOT, """
                %s: %s
                  rule           %s (score %.2f)
                  title Jaccard  %.2f
                  body Jaccard   %.2f (title + lead shingles: %d vs %d)%s
                  containment    %.2f
                  numbers        %s vs %s, shared %s%s
                  countries      %s vs %s
                  agency         %s vs %s (%s)""",
                matched ? "same story" : "different stories", reason, rule, score, titleJaccard, bodyJaccard,
                shinglesA, shinglesB, titleOnly ? ", title-only path" : "", containment,
                numbersA, numbersB, sharedNumbers, numbersAgree ? "" : " (disagree)", countriesA, countriesB,
                agencyA == null ? "-" : agencyA, agencyB == null ? "-" : agencyB, agency);
    }
}
