package org.nashra.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.nashra.extract.Role;

/**
 * {@link PairMatcher#mayMatch} lets the deduplicator skip most candidates without building their
 * similarity; it is only sound if it never turns away a pair some rule matches.
 */
class PairMatcherProperties {
    private static final Instant T0 = Instant.parse("2025-03-04T08:00:00Z");

    /**
     * Sides drawn from small universes, so that every rule (URL, body, title-only, Jaccard,
     * containment, headline, rewrite, brief) matches some pairs and misses others near its bound.
     */
    @Provide
    Arbitrary<PairMatcher.Side> side() {
        Arbitrary<int[]> shingles = Arbitraries.integers().between(0, 70).set().ofMinSize(0).ofMaxSize(60)
                .map(s -> s.stream().mapToInt(Integer::intValue).sorted().toArray());
        Arbitrary<int[]> titles = Arbitraries.integers().between(0, 8).set().ofMaxSize(7)
                .map(s -> s.stream().mapToInt(Integer::intValue).sorted().toArray());
        Arbitrary<int[]> words = Arbitraries.integers().between(0, 50).set().ofMaxSize(40)
                .map(s -> s.stream().mapToInt(Integer::intValue).sorted().toArray());
        Arbitrary<List<String>> numbers = Arbitraries.of("1", "2", "15", "الأحد", "الاثنين").set().ofMaxSize(3)
                .map(s -> s.stream().sorted().toList());
        Arbitrary<Long> hashes = Arbitraries.longs().between(0, 2);
        Arbitrary<Fingerprint> fp = Combinators.combine(shingles, titles, words, numbers, Arbitraries.of(true, false, false, false),
                hashes, hashes, hashes).as((s, t, w, n, titleOnly, url, body, title) ->
                        Fingerprint.stored(s, t, w, n, titleOnly, url, body, title));
        return Combinators.combine(Arbitraries.of("a", "b", "c"), Arbitraries.of(Role.MAIN, Role.OTHER),
                        Arbitraries.of("", "واس", "رويترز"), Arbitraries.integers().between(0, 600), fp)
                .as((source, role, agency, minutes, f) -> new PairMatcher.Side(source, role, agency.isEmpty() ? null : agency,
                        T0.plusSeconds(60L * minutes), f));
    }

    @Property(tries = 3000)
    void neverTurnsAwayAPairThatMatches(@ForAll("side") PairMatcher.Side a, @ForAll("side") PairMatcher.Side b,
                                        @ForAll("threshold") double threshold) {
        PairMatcher matcher = new PairMatcher(threshold);
        PairMatcher.Verdict v = matcher.verdict(a, b);
        boolean may = matcher.mayMatch(a, b);
        Statistics.collect(v.matched() ? v.rule() : may ? "no match, not skipped" : "skipped");
        if (v.matched()) assertThat(may).as("%s matched %s: %s", a.fp(), b.fp(), v.reason()).isTrue();
    }

    @Provide
    Arbitrary<Double> threshold() {
        return Arbitraries.of(0.3, 0.45, 0.5, 0.6, 0.8);
    }

    @Property
    void intersectsAtLeastAgreesWithTheIntersectionSize(@ForAll("set") int[] a, @ForAll("set") int[] b,
                                                        @ForAll("need") int need) {
        assertThat(Similarity.intersectsAtLeast(a, b, need)).isEqualTo(Similarity.intersection(a, b) >= need);
    }

    @Provide
    Arbitrary<int[]> set() {
        return Arbitraries.integers().between(-20, 40).set().ofMaxSize(30)
                .map(s -> s.stream().mapToInt(Integer::intValue).sorted().toArray());
    }

    @Provide
    Arbitrary<Integer> need() {
        return Arbitraries.integers().between(-1, 25);
    }
}
