package org.nashra.dedup;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Similarity figures of two fingerprints.
 *
 * @param titleJaccard  Jaccard of the titles' content words
 * @param bodyJaccard   Jaccard of the title-and-lead bigram shingles (exact, not estimated)
 * @param containment   shared shingles over the smaller shingle set
 * @param sharedNumbers numbers (and weekday names) of title and lead found in both
 * @param numbersAgree  false when both have numbers and fewer than half of the smaller set are shared,
 *                      or both name a weekday and not the same one: daily items (weather, prices,
 *                      prayer times) differ in nothing else; or both name countries and no country
 *                      is the same (template news: cables, receptions of ambassadors)
 * @param agency        whether both credit the same wire agency
 * @param wordJaccard   Jaccard of the longer content words of title and lead (order ignored)
 * @param wordContainment shared longer content words over the smaller set
 * @param words         longer content words of this item (0 when its fingerprint has none stored)
 * @param ordinalsAgree false when the headlines count differently ("the first plane", "the second
 *                      plane"): a series of like events told in the same words
 */
public record Similarity(double titleJaccard, double bodyJaccard, double containment, int shingles,
                         int otherShingles, List<String> sharedNumbers, List<String> numbers,
                         List<String> otherNumbers, boolean numbersAgree, AgencyRelation agency,
                         double wordJaccard, double wordContainment, int words, int otherWords, boolean ordinalsAgree) {
    public Similarity {
        sharedNumbers = List.copyOf(sharedNumbers);
        numbers = List.copyOf(numbers);
        otherNumbers = List.copyOf(otherNumbers);
    }

    /** How the two items' wire credits relate. */
    public enum AgencyRelation { SAME, DIFFERENT, UNKNOWN }

    static Similarity of(Fingerprint a, String agencyA, Fingerprint b, String agencyB) {
        int[] sa = a.shinglesView();
        int[] sb = b.shinglesView();
        int shared = intersection(sa, sb);
        int union = sa.length + sb.length - shared;
        double jaccard = union == 0 ? 0 : (double) shared / union;
        int min = Math.min(sa.length, sb.length);
        double containment = min == 0 ? 0 : (double) shared / min;

        int[] ta = a.titleTokensView();
        int[] tb = b.titleTokensView();
        int tShared = intersection(ta, tb);
        int tUnion = ta.length + tb.length - tShared;
        double titleJaccard = tUnion == 0 ? 0 : (double) tShared / tUnion;

        List<String> sharedNumbers = new ArrayList<>(a.numbers());
        sharedNumbers.retainAll(b.numbers());
        List<String> figuresA = Countries.withoutCodes(a.numbers());
        List<String> figuresB = Countries.withoutCodes(b.numbers());
        List<String> sharedFigures = Countries.withoutCodes(sharedNumbers);
        int minNumbers = Math.min(figuresA.size(), figuresB.size());
        boolean agree = (minNumbers == 0 || sharedFigures.size() * 2 >= minNumbers)
                && weekdaysAgree(figuresA, figuresB, sharedFigures)
                && countriesAgree(a.numbers(), b.numbers(), sharedNumbers);

        AgencyRelation agency = agencyA == null || agencyB == null || agencyA.isBlank() || agencyB.isBlank()
                ? AgencyRelation.UNKNOWN
                : agencyA.strip().equals(agencyB.strip()) ? AgencyRelation.SAME : AgencyRelation.DIFFERENT;
        int[] wa = a.wordsView();
        int[] wb = b.wordsView();
        int wShared = intersection(wa, wb);
        int wUnion = wa.length + wb.length - wShared;
        int wMin = Math.min(wa.length, wb.length);
        return new Similarity(titleJaccard, jaccard, containment, sa.length, sb.length, sharedNumbers,
                a.numbers(), b.numbers(), agree, agency,
                wUnion == 0 ? 0 : (double) wShared / wUnion, wMin == 0 ? 0 : (double) wShared / wMin, wa.length, wb.length,
                ordinalsAgree(ta, tb));
    }

    private static final Map<Integer, Integer> ORDINALS = Fingerprinter.ordinalPlaces();

    /**
     * Ordinal words of the headlines (أول، الثاني، الثالثة ...): when one headline counts and the
     * other does not, or both count and share no place, they tell different events of a series.
     */
    private static boolean ordinalsAgree(int[] titleA, int[] titleB) {
        Set<Integer> pa = places(titleA);
        Set<Integer> pb = places(titleB);
        if (pa.isEmpty() && pb.isEmpty()) return true;
        return pa.stream().anyMatch(pb::contains);
    }

    private static Set<Integer> places(int[] titleTokens) {
        Set<Integer> out = new HashSet<>();
        for (int t : titleTokens) {
            Integer place = ORDINALS.get(t);
            if (place != null) out.add(place);
        }
        return out;
    }

    /**
     * Weekday names date an item: daily items (rates, weather, prayer times) repeat the same
     * wording and many of the same figures, and the day is what tells them apart. "Today Sunday,
     * yesterday Saturday" against "today Saturday, yesterday Friday" shares a day name but each
     * names a day the other does not; a copy that cut a sentence names fewer days, not others.
     */
    private static boolean weekdaysAgree(List<String> a, List<String> b, List<String> shared) {
        List<String> daysA = a.stream().filter(Similarity::isWord).toList();
        List<String> daysB = b.stream().filter(Similarity::isWord).toList();
        if (daysA.isEmpty() || daysB.isEmpty()) return true;
        boolean onlyA = daysA.stream().anyMatch(d -> !daysB.contains(d));
        boolean onlyB = daysB.stream().anyMatch(d -> !daysA.contains(d));
        return !(onlyA && onlyB) && shared.stream().anyMatch(Similarity::isWord);
    }

    /**
     * Template news (cables of congratulation, "receives the ambassador of ...") differs in the
     * country alone: when both name countries and none is the same, they are two items.
     */
    private static boolean countriesAgree(List<String> a, List<String> b, List<String> shared) {
        // Not "each names one the other does not": a headline or a lead names the country it is
        // told from (مطبخ ... في الأردن / ... لتعليم السوريات) and copies differ in that (corpus).
        boolean noneShared = a.stream().anyMatch(Countries::isCountry) && b.stream().anyMatch(Countries::isCountry)
                && shared.stream().noneMatch(Countries::isCountry);
        if (noneShared) return false;
        // Template cables share the sender's country, and their headlines name each its own
        // recipient: headlines naming no common country while each lead names one the other
        // lacks are two items.
        boolean titlesApart = a.stream().anyMatch(Countries::isTitleCountry) && b.stream().anyMatch(Countries::isTitleCountry)
                && shared.stream().noneMatch(Countries::isTitleCountry);
        boolean onlyA = a.stream().anyMatch(c -> Countries.isCountry(c) && !b.contains(c));
        boolean onlyB = b.stream().anyMatch(c -> Countries.isCountry(c) && !a.contains(c));
        return !(titlesApart && onlyA && onlyB);
    }

    /** Whether the countries allow one story (the countries' part of {@link #numbersAgree}). */
    public boolean countriesAgree() {
        List<String> shared = new ArrayList<>(numbers);
        shared.retainAll(otherNumbers);
        return countriesAgree(numbers, otherNumbers, shared);
    }

    /** What the numbers disagree on, for a reason: the countries, or the figures and days. */
    String numbersDiffer() {
        return countriesAgree()
                ? "numbers differ: " + Countries.withoutCodes(numbers) + " vs " + Countries.withoutCodes(otherNumbers)
                : "they name other countries: " + Countries.codes(numbers) + " vs " + Countries.codes(otherNumbers);
    }

    /**
     * Whether the two share more than half of all the figures either has (numbers and weekday
     * names): stricter than {@link #numbersAgree}, which forgives what a cut copy left out.
     */
    public boolean figuresAgreeWhole() {
        List<String> a = Countries.withoutCodes(numbers);
        List<String> b = Countries.withoutCodes(otherNumbers);
        if (a.size() < 2 || b.size() < 2) return true;
        long shared = a.stream().filter(b::contains).count();
        return shared * 2 > a.size() + b.size() - shared;
    }


    private static boolean isWord(String n) {
        return !n.isEmpty() && !Character.isDigit(n.charAt(0));
    }

    /**
     * Whether two sorted distinct arrays share at least {@code need} elements; stops as soon as
     * the answer is known, which for unlike sets is usually early.
     */
    static boolean intersectsAtLeast(int[] a, int[] b, int need) {
        if (need <= 0) return true;
        int i = 0, j = 0, n = 0;
        while (i < a.length && j < b.length) {
            if (n + Math.min(a.length - i, b.length - j) < need) return false;
            if (a[i] == b[j]) {
                if (++n >= need) return true;
                i++;
                j++;
            } else if (a[i] < b[j]) i++;
            else j++;
        }
        return false;
    }

    /** Size of the intersection of two sorted distinct arrays. */
    static int intersection(int[] a, int[] b) {
        int i = 0, j = 0, n = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) { n++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return n;
    }
}
