package org.nashra.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nashra.extract.Role;

class KeyedCandidatesTest {
    private static final Instant T0 = Instant.parse("2025-03-04T08:00:00Z");

    private static Candidate candidate(long id, long story, Instant published) {
        return new Candidate(id, story, "spa", Role.MAIN, null, published,
                Fingerprint.stored(new int[] {1, 2}, new int[] {3}, List.of(), false, 0, 0, 0));
    }

    @Test
    void anItemUnderSeveralKeysIsFoundOnceALookupAndAgainTheNext() {
        KeyedCandidates index = new KeyedCandidates();
        index.add(candidate(1, 10, T0), new long[] {7, 8, 9});
        index.add(candidate(2, 10, T0.plusSeconds(60)), new long[] {8});
        List<Candidate> out = new ArrayList<>();
        for (long key : new long[] {7, 8, 9}) index.collect(key, T0.minusSeconds(1), T0.plusSeconds(3600), out, 100, 1);
        assertThat(out).extracting(Candidate::itemId).containsExactly(1L, 2L);
        List<Candidate> next = new ArrayList<>();
        index.collect(9, T0.minusSeconds(1), T0.plusSeconds(3600), next, 100, 2);
        assertThat(next).extracting(Candidate::itemId).containsExactly(1L);
    }

    @Test
    void keepsToTheWindowTheLimitAndEachItemOnce() {
        KeyedCandidates index = new KeyedCandidates();
        for (int i = 0; i < 5000; i++) index.add(candidate(i, i, T0.plusSeconds(i)), new long[] {42, 1000 + i});
        assertThat(index.add(candidate(3, 3, T0), new long[] {42})).isFalse();
        assertThat(index.size()).isEqualTo(5000);
        List<Candidate> out = new ArrayList<>();
        index.collect(42, T0.plusSeconds(100), T0.plusSeconds(199), out, 1000, 1);
        assertThat(out).extracting(Candidate::itemId).hasSize(100).allMatch(id -> id >= 100 && id <= 199);
        List<Candidate> capped = new ArrayList<>();
        index.collect(42, T0, T0.plusSeconds(5000), capped, 30, 2);
        assertThat(capped).hasSize(30);
        List<Candidate> one = new ArrayList<>();
        index.collect(1000 + 4321, T0, T0.plusSeconds(5000), one, 30, 3);
        assertThat(one).extracting(Candidate::itemId).containsExactly(4321L);
        List<Candidate> members = new ArrayList<>();
        index.members(17, T0, T0.plusSeconds(5000), members);
        assertThat(members).extracting(Candidate::itemId).containsExactly(17L);
    }
}
