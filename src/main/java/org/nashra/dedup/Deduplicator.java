package org.nashra.dedup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.nashra.config.DedupSettings;
import org.nashra.extract.Role;
import org.nashra.text.NormalizedItem;
import org.nashra.text.Plural;

/**
 * Decides which story an item belongs to. Reads the index, never writes it: one {@link
 * StoryIndex#lookup} a decision, which reads each story's members once.
 *
 * <p>The protocol, which callers run under one lock (per process, or a database lock when several
 * nodes share the index) so that two copies of one story arriving together cannot both start a
 * story: {@code decide}; create a story when {@link MatchDecision#storyId()} is null; store the
 * item; {@link StoryIndex#add}.
 *
 * <p>Rules, strongest first: same canonical URL, same body, the same "other news" item of one
 * outlet, then near duplicates of title and lead (or of the title alone for items with little
 * body). A near match joins a story only when the item matches the story, not one member of it:
 * more than half of its members in the window, or half including its first member. That stops a
 * chain of weak links (a roundup that quotes two stories, a follow-up of a follow-up) from gluing
 * unrelated news together. A story that holds the same outlet's item of another day with other
 * figures is another day's edition of a daily item, and is not joined at all.
 */
public final class Deduplicator {
    /** Members compared when judging a story: its first and the next ones in the window. */
    static final int MAX_MEMBERS = 25;

    private final StoryIndex index;
    private final DedupSettings settings;
    private final PairMatcher matcher;

    public Deduplicator(StoryIndex index, DedupSettings settings) {
        this.index = Objects.requireNonNull(index, "index");
        this.settings = Objects.requireNonNull(settings, "settings");
        if (settings.window() == null || settings.window().isNegative() || settings.window().isZero()) {
            throw new IllegalArgumentException("dedup window must be positive: " + settings.window());
        }
        this.matcher = new PairMatcher(settings.threshold());
    }

    public MatchDecision decide(NormalizedItem item) {
        Fingerprint fp = Fingerprinter.of(item);
        Instant from = item.published().minus(settings.window());
        Instant to = item.published().plus(settings.window());
        PairMatcher.Side self = new PairMatcher.Side(item.raw().sourceId(), item.raw().role(), item.agency(), item.published(), fp);

        // the candidates, and the members of the stories judged below, each story's read once
        StoryIndex.Lookup lookup = index.lookup(item, fp, from, to, MAX_MEMBERS);
        List<Candidate> candidates = lookup.candidates();
        Candidate exact = null;
        PairMatcher.Verdict exactVerdict = null;
        Map<Long, List<PairMatcher.Verdict>> nearByStory = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            PairMatcher.Side other = PairMatcher.Side.of(c);
            if (!matcher.mayMatch(self, other)) continue;
            PairMatcher.Verdict v = matcher.verdict(self, other);
            if (isExact(v.rule())) {
                if (exact == null || v.rule().ordinal() < exactVerdict.rule().ordinal()
                        || v.rule() == exactVerdict.rule() && c.storyId() < exact.storyId()) {
                    exact = c;
                    exactVerdict = v;
                }
            } else if (v.matched()) {
                nearByStory.computeIfAbsent(c.storyId(), k -> new ArrayList<>()).add(v);
            }
        }
        // An article whose only exact match is an outlet's "other news" link to it (a title, no
        // body) would be bound to that mention's story and kept from the copies other outlets
        // filed: it joins the story its text matches, and the mention's story only when none does.
        boolean mentionOnly = exact != null && self.role() == Role.MAIN && exact.role() == Role.OTHER
                && lookup.members(exact.storyId()).stream().allMatch(m -> m.role() == Role.OTHER);
        if (exact != null && !mentionOnly) return exactDecision(exact, exactVerdict, fp, "");

        StoryVerdict best = null;
        for (Long storyId : nearByStory.keySet()) {
            StoryVerdict sv = judgeStory(self, storyId, lookup.members(storyId));
            if (sv.accepted() && (best == null || sv.compareTo(best) > 0)) best = sv;
        }
        if (best == null && exact != null) {
            return exactDecision(exact, exactVerdict, fp, "; no story matches its text");
        }
        if (best == null) {
            String why = candidates.isEmpty() ? "no candidates in the window"
                    : nearByStory.isEmpty() ? Plural.of(candidates.size(), "candidate") + ", none alike enough"
                    : Plural.of(nearByStory.size(), "story", "stories") + " matched by one member but not as a whole";
            return new MatchDecision(null, "new", 0, why, fp);
        }
        return new MatchDecision(best.storyId, best.rule.wire(), best.score, String.format(Locale.ROOT,
                "%s; matches %d of %s of story %d%s%s", best.reason, best.matched, Plural.of(best.members, "member"), best.storyId,
                best.seedMatched ? " including its first" : "",
                mentionOnly ? "; an other-news link to it is item " + exact.itemId() + " (story " + exact.storyId() + ")" : ""), fp);
    }

    private static MatchDecision exactDecision(Candidate exact, PairMatcher.Verdict v, Fingerprint fp, String note) {
        return new MatchDecision(exact.storyId(), v.rule().wire(), 1.0,
                v.reason() + " as item " + exact.itemId() + " (story " + exact.storyId() + ")" + note, fp);
    }

    private StoryVerdict judgeStory(PairMatcher.Side self, long storyId, List<Candidate> members) {
        int matched = 0;
        int bodyMatches = 0;
        boolean seedMatched = false;
        double scoreSum = 0;
        PairMatcher.Verdict strongest = null;
        boolean otherDay = false;
        for (int i = 0; i < members.size(); i++) {
            PairMatcher.Side other = PairMatcher.Side.of(members.get(i));
            if (!matcher.mayMatch(self, other)) continue;
            PairMatcher.Verdict v = matcher.verdict(self, other);
            if (matcher.isOtherDaysEdition(self, other, v.similarity())) otherDay = true;
            if (!v.matched()) continue;
            matched++;
            if (v.rule() != MatchRule.TITLE) bodyMatches++;
            scoreSum += v.score();
            if (i == 0) seedMatched = true;
            if (strongest == null || v.score() > strongest.score()) strongest = v;
        }
        int n = members.size();
        // An item without a body cannot bridge two stories (nothing later matches it by body), so
        // its headline matching one member is enough; items with a body must match the story.
        boolean accepted = matched > 0 && !otherDay && (self.fp().titleOnly() || 2 * matched > n || 2 * matched == n && seedMatched);
        return new StoryVerdict(storyId, accepted, matched, n, seedMatched, bodyMatches > 0, matched == 0 ? 0 : scoreSum / matched,
                strongest == null ? MatchRule.NONE : strongest.rule(), strongest == null ? "" : strongest.reason());
    }

    private static boolean isExact(MatchRule r) {
        return r == MatchRule.URL || r == MatchRule.BODY || r == MatchRule.OTHER_REPEAT;
    }

    /** Ranks stories: matched by body before by headline alone, then by share and number of members matched. */
    private record StoryVerdict(long storyId, boolean accepted, int matched, int members, boolean seedMatched,
                                boolean byBody, double score, MatchRule rule, String reason) implements Comparable<StoryVerdict> {
        @Override
        public int compareTo(StoryVerdict o) {
            return Comparator.comparing(StoryVerdict::byBody)
                    .thenComparingDouble((StoryVerdict s) -> (double) s.matched / Math.max(1, s.members))
                    .thenComparingInt(StoryVerdict::matched)
                    .thenComparingDouble(StoryVerdict::score)
                    .thenComparing(s -> -s.storyId)
                    .compare(this, o);
        }
    }
}
