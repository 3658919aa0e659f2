package org.nashra.dedup;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.nashra.extract.Role;
import org.nashra.text.Plural;

/**
 * Decides whether two items are copies of one story, and says which rule matched or why not.
 * The same rules serve {@link Deduplicator} and {@link Explainer}.
 */
final class PairMatcher {
    /** One side of a comparison. */
    /** @param published null when unknown: the rewrite rule then does not apply */
    record Side(String sourceId, Role role, String agency, Instant published, Fingerprint fp) {
        static Side of(Candidate c) {
            return new Side(c.sourceId(), c.role(), c.agency(), c.published(), c.fingerprint());
        }
    }

    /** The outcome for one pair. */
    record Verdict(MatchRule rule, double score, String reason, Similarity similarity) {
        boolean matched() {
            return rule != MatchRule.NONE;
        }
    }

    /** One shared wire credit is evidence, never the reason: it moves the score this much. */
    static final double SAME_AGENCY_BONUS = 0.05;
    static final double OTHER_AGENCY_PENALTY = 0.03;
    /**
     * One lead largely contained in the other (cut paragraphs, an added intro) counts from the
     * threshold plus this. Measured on labelled corpus pairs: a next-day follow-up of an agency
     * item reached containment 0.62 while rewrites of one release mostly exceed 0.65.
     */
    static final double CONTAINMENT_MARGIN = 0.15;
    static final int MIN_CONTAINMENT_SHINGLES = 15;
    /**
     * Two items of one outlet within a day (other than one URL or one body) must be this much more
     * alike, and the headline rule does not take them: an outlet writes its different reports of a
     * day in one house formula (two companies' dividend notices, the king's cable and the crown
     * prince's, two receptions of one visitor: shingle Jaccard up to 0.57, containment up to 0.78
     * in the labelled corpus), while its own second version of a report (a re-post, an update)
     * is near verbatim or holds the first (0.62 and up, or containment 0.80 and up). A day apart,
     * one outlet's print edition rewords its web copy, and the figures rule judges those.
     */
    static final double ONE_OUTLET_JACCARD_MARGIN = 0.10;
    static final double ONE_OUTLET_CONTAINMENT_MARGIN = 0.15;
    /** A like headline lets a rewritten lead count from a lower containment. */
    static final double HEADLINE_JACCARD = 0.60;
    static final double HEADLINE_CONTAINMENT = 0.30;
    /** Headlines alone must agree more than bodies do: they are short and formulaic. */
    static final double TITLE_JACCARD = 0.60;
    static final int MIN_TITLE_WORDS = 3;
    /**
     * Three shared words name a topic ("الاتفاق النووي الإيراني"), not a report: two columns on one
     * deal have such headlines. Fewer than this many shared title words match only when nearly
     * all of both headlines is shared.
     */
    static final int MIN_TITLE_SHARED = 4;
    static final double TITLE_JACCARD_FEW = 0.8;

    /**
     * A rewrite (an outlet retelling another's copy in its own order and words, so few bigrams
     * survive) matches on its longer content words when several signals hold together: word
     * Jaccard and containment, another outlet, publication within hours, and no disagreement of
     * numbers, weekdays or headline ordinals. Placed on the corpus labels (bench/dedup/README.md):
     * rewrites of one release mostly share >= 0.40 of their words and >= 0.60 of the smaller set,
     * while different reports of one topic (the same day, the same ministry) stay below one of the two.
     */
    static final double REWRITE_WORD_JACCARD = 0.40;
    static final double REWRITE_WORD_CONTAINMENT = 0.60;
    static final int MIN_REWRITE_WORDS = 12;
    /** A brief retold from a longer copy: most of its words are in the other, few of the other's in it. */
    static final double BRIEF_WORD_CONTAINMENT = 0.75;
    static final double BRIEF_WORD_JACCARD = 0.20;
    static final Duration REWRITE_MAX_APART = Duration.ofHours(6);
    /** Items further apart than this are from different days. */
    static final Duration DAYS_APART = Duration.ofHours(20);
    /** How far below a rule's bound {@link #mayMatch} still says yes: the agency bonus, and rounding. */
    private static final double SLACK = SAME_AGENCY_BONUS + 1e-9;

    private final double threshold;
    private final double containment;

    PairMatcher(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) throw new IllegalArgumentException("dedup threshold must be in (0, 1]: " + threshold);
        this.threshold = threshold;
        this.containment = Math.min(0.95, threshold + CONTAINMENT_MARGIN);
    }

    double threshold() {
        return threshold;
    }

    /**
     * False when no rule can match the pair, judged from the sizes of three set intersections
     * alone. Most candidates of a full window are unlike the item (a shared common word pair is
     * enough to collide in one band), and building their {@link Similarity} would cost more than
     * the lookup. Never false for a pair {@link #verdict} matches: every bound below is the
     * loosest its rule allows, agency bonus included.
     */
    boolean mayMatch(Side a, Side b) {
        Fingerprint fa = a.fp();
        Fingerprint fb = b.fp();
        if (fa.urlHash() != 0 && fa.urlHash() == fb.urlHash()) return true;
        if (fa.bodyHash() != 0 && fa.bodyHash() == fb.bodyHash()) return true;
        if (fa.titleHash() != 0 && fa.titleHash() == fb.titleHash()) return true;
        int[] ta = fa.titleTokensView();
        int[] tb = fb.titleTokensView();
        if (fa.titleOnly() || fb.titleOnly()) {
            if (Math.min(ta.length, tb.length) < MIN_TITLE_WORDS) return false;
            return Similarity.intersectsAtLeast(ta, tb, jaccardNeed(TITLE_JACCARD - SLACK, ta.length, tb.length));
        }
        int[] sa = fa.shinglesView();
        int[] sb = fb.shinglesView();
        int min = Math.min(sa.length, sb.length);
        int need = jaccardNeed(threshold - SLACK, sa.length, sb.length);
        if (min >= MIN_CONTAINMENT_SHINGLES) {
            // the headline rule accepts the lowest containment, but only under a like headline
            boolean likeHeadline = Similarity.intersectsAtLeast(ta, tb, jaccardNeed(HEADLINE_JACCARD, ta.length, tb.length));
            double loosest = (likeHeadline ? Math.min(containment, HEADLINE_CONTAINMENT) : containment) - SLACK;
            need = Math.min(need, (int) Math.ceil(loosest * min));
        }
        if (Similarity.intersectsAtLeast(sa, sb, need)) return true;
        int[] wa = fa.wordsView();
        int[] wb = fb.wordsView();
        int wMin = Math.min(wa.length, wb.length);
        if (wMin < MIN_REWRITE_WORDS || a.sourceId().equals(b.sourceId())) return false;
        // whole seconds, one to spare for the nanoseconds: Duration.between costs more than the rest
        if (a.published() == null || b.published() == null
                || Math.abs(a.published().getEpochSecond() - b.published().getEpochSecond()) > REWRITE_MAX_APART.getSeconds() + 1) {
            return false;
        }
        int wordNeed = Math.max(jaccardNeed(Math.min(REWRITE_WORD_JACCARD, BRIEF_WORD_JACCARD) - SLACK, wa.length, wb.length),
                (int) Math.ceil((Math.min(REWRITE_WORD_CONTAINMENT, BRIEF_WORD_CONTAINMENT) - SLACK) * wMin));
        return Similarity.intersectsAtLeast(wa, wb, wordNeed);
    }

    /**
     * The fewest shared elements for sets of sizes {@code na} and {@code nb} to reach Jaccard
     * {@code j}: shared / (na + nb - shared) >= j, so shared >= j (na + nb) / (1 + j).
     */
    static int jaccardNeed(double j, int na, int nb) {
        if (j <= 0) return 0;
        return (int) Math.ceil(j * (na + nb) / (1 + j) - 1e-9);
    }

    Verdict verdict(Side a, Side b) {
        Fingerprint fa = a.fp();
        Fingerprint fb = b.fp();
        Similarity sim = Similarity.of(fa, a.agency(), fb, b.agency());
        if (fa.urlHash() != 0 && fa.urlHash() == fb.urlHash()) {
            return new Verdict(MatchRule.URL, 1.0, "same canonical URL", sim);
        }
        if (fa.bodyHash() != 0 && fa.bodyHash() == fb.bodyHash()) {
            return new Verdict(MatchRule.BODY, 1.0, "same normalized body", sim);
        }
        if ((a.role() == Role.OTHER || b.role() == Role.OTHER) && a.sourceId().equals(b.sourceId())
                && fa.titleHash() != 0 && fa.titleHash() == fb.titleHash()) {
            return new Verdict(MatchRule.OTHER_REPEAT, 1.0, "same other-news title from one source", sim);
        }
        double adj = switch (sim.agency()) {
            case SAME -> SAME_AGENCY_BONUS;
            case DIFFERENT -> -OTHER_AGENCY_PENALTY;
            case UNKNOWN -> 0;
        };
        if (fa.titleOnly() || fb.titleOnly()) {
            return titleVerdict(fa, fb, sim, adj);
        }
        Verdict near = nearVerdict(sim, adj, apartDays(a, b), a.sourceId().equals(b.sourceId()));
        if (near.matched() || !sim.numbersAgree()) return near;
        Verdict rewrite = rewriteVerdict(a, b, sim, adj);
        return rewrite.matched() ? rewrite : none(sim, near.reason() + "; " + rewrite.reason());
    }

    private Verdict rewriteVerdict(Side a, Side b, Similarity sim, double adj) {
        if (Math.min(sim.words(), sim.otherWords()) < MIN_REWRITE_WORDS) return none(sim, "too few words for a rewrite");
        if (a.sourceId().equals(b.sourceId())) return none(sim, "one outlet: not a rewrite");
        if (a.published() == null || b.published() == null
                || Duration.between(a.published(), b.published()).abs().compareTo(REWRITE_MAX_APART) > 0) {
            return none(sim, "published too far apart for a rewrite");
        }
        if (!sim.ordinalsAgree()) return none(sim, "headlines count differently (ordinals)");
        double wj = sim.wordJaccard() + adj;
        double wc = sim.wordContainment() + adj;
        boolean rewrite = wj >= REWRITE_WORD_JACCARD && wc >= REWRITE_WORD_CONTAINMENT;
        boolean brief = wj >= BRIEF_WORD_JACCARD && wc >= BRIEF_WORD_CONTAINMENT;
        if (!rewrite && !brief) {
            return none(sim, String.format(Locale.ROOT, "rewrite: word Jaccard %.2f, containment %.2f%s below %.2f / %.2f (brief: %.2f / %.2f)",
                    sim.wordJaccard(), sim.wordContainment(), adjText(adj), REWRITE_WORD_JACCARD, REWRITE_WORD_CONTAINMENT,
                    BRIEF_WORD_JACCARD, BRIEF_WORD_CONTAINMENT));
        }
        return new Verdict(MatchRule.REWRITE, Math.min(1, Math.min(threshold, wj)), String.format(Locale.ROOT,
                "rewrite: word Jaccard %.2f and containment %.2f%s >= %.2f / %.2f, other outlet, within %d h (shingle Jaccard %.2f)",
                sim.wordJaccard(), sim.wordContainment(), adjText(adj),
                rewrite ? REWRITE_WORD_JACCARD : BRIEF_WORD_JACCARD, rewrite ? REWRITE_WORD_CONTAINMENT : BRIEF_WORD_CONTAINMENT,
                REWRITE_MAX_APART.toHours(), sim.bodyJaccard()), sim);
    }

    private Verdict titleVerdict(Fingerprint fa, Fingerprint fb, Similarity sim, double adj) {
        int words = Math.min(fa.titleTokensView().length, fb.titleTokensView().length);
        if (words < MIN_TITLE_WORDS) {
            return none(sim, "title-only item with " + Plural.of(words, "content word") + " in the shorter title, too few to match");
        }
        double score = sim.titleJaccard() + adj;
        if (score < TITLE_JACCARD) {
            return none(sim, String.format(Locale.ROOT, "title-only: title Jaccard %.2f%s below %.2f",
                    sim.titleJaccard(), adjText(adj), TITLE_JACCARD));
        }
        int shared = Similarity.intersection(fa.titleTokensView(), fb.titleTokensView());
        if (shared < MIN_TITLE_SHARED && score < TITLE_JACCARD_FEW) {
            return none(sim, String.format(Locale.ROOT, "title-only: %s shared, fewer than %d, and title Jaccard %.2f below %.2f",
                    Plural.of(shared, "title word"), MIN_TITLE_SHARED, sim.titleJaccard(), TITLE_JACCARD_FEW));
        }
        if (!sim.numbersAgree()) {
            return none(sim, "title-only: titles alike but " + sim.numbersDiffer());
        }
        return new Verdict(MatchRule.TITLE, Math.min(1, score), String.format(Locale.ROOT,
                "title-only: title Jaccard %.2f%s >= %.2f", sim.titleJaccard(), adjText(adj), TITLE_JACCARD), sim);
    }

    /**
     * Daily items (weather, prices, prayer times) keep their headline and most of their words from
     * one day to the next; a copy of one story carried a day later keeps its figures too.
     */
    private static boolean apartDays(Side a, Side b) {
        return a.published() != null && b.published() != null
                && Math.abs(a.published().getEpochSecond() - b.published().getEpochSecond()) > DAYS_APART.getSeconds();
    }

    /**
     * One outlet's item of another day, alike but with other figures: its daily item (weather,
     * prices, prayer times), the next edition and not a copy. A story holding such a member is
     * that day's, whatever its other members say.
     */
    boolean isOtherDaysEdition(Side a, Side b, Similarity sim) {
        return a.sourceId().equals(b.sourceId()) && apartDays(a, b) && !sim.figuresAgreeWhole()
                && (sim.bodyJaccard() >= threshold || sim.containment() >= containment || sim.titleJaccard() >= HEADLINE_JACCARD);
    }

    private Verdict nearVerdict(Similarity sim, double adj, boolean daysApart, boolean oneOutlet) {
        double j = sim.bodyJaccard() + adj;
        boolean bigEnough = Math.min(sim.shingles(), sim.otherShingles()) >= MIN_CONTAINMENT_SHINGLES;
        double c = sim.containment() + adj;
        boolean ownDay = oneOutlet && !daysApart;
        double jNeed = ownDay ? threshold + ONE_OUTLET_JACCARD_MARGIN : threshold;
        double cNeed = ownDay ? Math.min(0.95, containment + ONE_OUTLET_CONTAINMENT_MARGIN) : containment;
        boolean byJaccard = j >= jNeed;
        boolean byContainment = bigEnough && c >= cNeed;
        // across days a like headline is weak evidence: daily and serial items keep theirs; one
        // outlet's headlines of one day share its house formula
        boolean byHeadline = bigEnough && !daysApart && !oneOutlet && sim.titleJaccard() >= HEADLINE_JACCARD && c >= HEADLINE_CONTAINMENT;
        if (!byJaccard && !byContainment && !byHeadline) {
            return none(sim, String.format(Locale.ROOT, "shingle Jaccard %.2f and containment %.2f%s below %.2f / %.2f (title Jaccard %.2f%s)",
                    sim.bodyJaccard(), sim.containment(), adjText(adj), jNeed, cNeed, sim.titleJaccard(),
                    daysApart ? "; a day apart, headlines do not count" : ownDay ? "; one outlet's items of one day" : ""));
        }
        if (!sim.numbersAgree()) {
            return none(sim, String.format(Locale.ROOT, "text alike (Jaccard %.2f) but %s", sim.bodyJaccard(), sim.numbersDiffer()));
        }
        if (daysApart && oneOutlet && !sim.figuresAgreeWhole()) {
            return none(sim, String.format(Locale.ROOT, "one outlet's items a day apart, alike (Jaccard %.2f) but the figures differ: %s vs %s",
                    sim.bodyJaccard(), Countries.withoutCodes(sim.numbers()), Countries.withoutCodes(sim.otherNumbers())));
        }
        String why = byJaccard
                ? String.format(Locale.ROOT, "shingle Jaccard %.2f%s >= %.2f", sim.bodyJaccard(), adjText(adj), jNeed)
                : byContainment
                ? String.format(Locale.ROOT, "containment %.2f%s >= %.2f (Jaccard %.2f)", sim.containment(), adjText(adj),
                        cNeed, sim.bodyJaccard())
                : String.format(Locale.ROOT, "title Jaccard %.2f >= %.2f and containment %.2f%s >= %.2f (Jaccard %.2f)",
                        sim.titleJaccard(), HEADLINE_JACCARD, sim.containment(), adjText(adj), HEADLINE_CONTAINMENT, sim.bodyJaccard());
        // a containment match scores as the Jaccard it stands for, so scores compare across rules
        double score = Math.min(1, Math.max(j, byContainment || byHeadline ? threshold : 0));
        return new Verdict(MatchRule.NEAR, score, why, sim);
    }

    private static Verdict none(Similarity sim, String reason) {
        return new Verdict(MatchRule.NONE, 0, reason, sim);
    }

    private static String adjText(double adj) {
        if (adj == 0) return "";
        return String.format(Locale.ROOT, " %+.2f agency", adj);
    }
}
