package org.nashra.dedup;

import java.util.Locale;
import org.nashra.config.DedupSettings;
import org.nashra.text.NormalizedItem;

/**
 * Explains the pair rule for two items, with the same rules {@link Deduplicator} applies. The
 * deduplicator also asks whether the item matches the story as a whole; this compares two items
 * only, and says so when they are further apart in time than the window.
 */
public final class Explainer {
    private final DedupSettings settings;
    private final PairMatcher matcher;

    public Explainer(DedupSettings settings) {
        this.settings = settings;
        this.matcher = new PairMatcher(settings.threshold());
    }

    public Explanation explain(NormalizedItem a, NormalizedItem b) {
        Fingerprint fa = Fingerprinter.of(a);
        Fingerprint fb = Fingerprinter.of(b);
        PairMatcher.Verdict v = matcher.verdict(new PairMatcher.Side(a.raw().sourceId(), a.raw().role(), a.agency(), a.published(), fa),
                new PairMatcher.Side(b.raw().sourceId(), b.raw().role(), b.agency(), b.published(), fb));
        Similarity s = v.similarity();
        boolean inWindow = !a.published().plus(settings.window()).isBefore(b.published())
                && !b.published().plus(settings.window()).isBefore(a.published());
        boolean matched = v.matched() && inWindow;
        String reason = inWindow ? v.reason()
                : String.format(Locale.ROOT, "published further apart than the %s window (%s)", settings.window(), v.reason());
        return new Explanation(matched, matched ? v.rule().wire() : MatchRule.NONE.wire(), matched ? v.score() : 0, reason,
                s.titleJaccard(), s.bodyJaccard(), s.containment(), s.shingles(), s.otherShingles(),
                fa.titleOnly() || fb.titleOnly(), Countries.withoutCodes(s.sharedNumbers()), Countries.withoutCodes(s.numbers()),
                Countries.withoutCodes(s.otherNumbers()), Countries.codes(s.numbers()), Countries.codes(s.otherNumbers()), s.numbersAgree(),
                a.agency(), b.agency(), s.agency().name().toLowerCase(Locale.ROOT));
    }
}
