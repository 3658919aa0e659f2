package org.nashra.text;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.nashra.extract.RawItem;
import org.nashra.extract.Role;

/**
 * The text stage's entry point: a raw item to its display text, matching keys, canonical link,
 * publication time and agency credit. Never throws on bad content; what it had to guess goes
 * into {@link NormalizedItem#warnings()}. Immutable and thread-safe.
 */
public final class ItemNormalizer {
    /** Words taken from the body when an item has no title. */
    static final int TITLE_WORDS = 12;
    /** Longest display title, ellipsis included: a headline, not a body pasted into the title. */
    public static final int MAX_TITLE_CHARS = 300;
    /** How the warning for a cut title begins, so the source's health can pick it out. */
    public static final String TITLE_CUT = "title cut";

    private final DateParser dates;
    private final MatchingKey keys;

    public ItemNormalizer() {
        this(new DateParser(), MatchingKey.DEFAULT);
    }

    public ItemNormalizer(DateParser dates, MatchingKey keys) {
        this.dates = Objects.requireNonNull(dates, "dates");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /**
     * @param zone      the source's time zone, for dates that carry none
     * @param fetchedAt resolves relative dates; also the fallback when no date parses
     */
    public NormalizedItem normalize(RawItem raw, ZoneId zone, Instant fetchedAt) {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(zone, "zone of " + raw.sourceId());
        Objects.requireNonNull(fetchedAt, "fetchedAt of " + raw.url());
        List<String> warnings = new ArrayList<>();
        String text = ArabicText.display(raw.text());
        String title = ArabicText.display(raw.title());
        if (title.isEmpty()) {
            title = leadOf(text);
            warnings.add(title.isEmpty() ? "empty item: no title and no text"
                    : "no title: used the first words of the text");
        }
        if (title.length() > MAX_TITLE_CHARS) {
            int length = title.length();
            title = capped(title);
            warnings.add(TITLE_CUT + " from " + length + " to " + title.length() + " characters");
        }
        Dated published = published(raw, zone, fetchedAt, warnings);
        String agency = Agencies.detect(text).orElse(null);
        return new NormalizedItem(raw, title, text, keys.key(title), keys.key(text), canonicalUrl(raw),
                published.instant(), published.precision(), agency, warnings);
    }

    /** A publication time and how much of it the source gave. */
    private record Dated(Instant instant, DatePrecision precision) {}

    private Dated published(RawItem raw, ZoneId zone, Instant fetchedAt, List<String> warnings) {
        if (raw.published() != null) {
            Instant p = raw.published();
            if (p.isAfter(fetchedAt.plus(DateParser.DEFAULT_TOLERANCE))) {
                warnings.add("date " + p + " is after the fetch time: clamped");
                return new Dated(fetchedAt, DatePrecision.NONE);
            }
            return new Dated(p, precisionOf(raw.publishedRaw(), zone, fetchedAt));
        }
        String rawDate = raw.publishedRaw();
        if (rawDate == null || rawDate.isBlank()) {
            warnings.add("no date: used the fetch time");
            return new Dated(fetchedAt, DatePrecision.NONE);
        }
        Optional<ParsedDate> parsed = dates.parse(rawDate, zone, fetchedAt);
        if (parsed.isEmpty()) {
            warnings.add("unparseable date \"" + rawDate.strip() + "\": used the fetch time");
            return new Dated(fetchedAt, DatePrecision.NONE);
        }
        ParsedDate d = parsed.get();
        if (d.clamped()) {
            warnings.add("date \"" + rawDate.strip() + "\": " + d.note());
            return new Dated(d.instant(), DatePrecision.NONE);
        }
        return new Dated(d.instant(), d.precision());
    }

    /**
     * What the text of a date that extraction already read (a feed's, an ISO attribute's) gives:
     * "2026-11-28" in a {@code <time datetime>} or a dc:date is a day, read as its midnight. Text
     * this parser cannot read was read by the format's own parser: taken as precise.
     */
    private DatePrecision precisionOf(String rawDate, ZoneId zone, Instant fetchedAt) {
        if (rawDate == null || rawDate.isBlank()) return DatePrecision.TIME;
        return dates.parse(rawDate, zone, fetchedAt).map(ParsedDate::precision).orElse(DatePrecision.TIME);
    }

    /**
     * "Other news" items share their parent page's URL and differ by fragment only, so their
     * fragment is part of their identity and survives canonicalization.
     */
    private static String canonicalUrl(RawItem raw) {
        String url = raw.url();
        int hash = url.indexOf('#');
        if (raw.role() == Role.OTHER && hash >= 0) {
            return UrlCanonicalizer.canonicalize(url.substring(0, hash)) + url.substring(hash);
        }
        return UrlCanonicalizer.canonicalize(url);
    }

    /**
     * At most {@link #MAX_TITLE_CHARS} characters with the ellipsis, cut after the last whole word
     * that fits; mid-word only when that word would leave less than half of the room.
     */
    static String capped(String title) {
        int room = MAX_TITLE_CHARS - 1;
        int cut = room;
        while (cut > room / 2 && !Character.isWhitespace(title.charAt(cut))) cut--;
        if (cut <= room / 2) cut = room;
        if (Character.isHighSurrogate(title.charAt(cut - 1))) cut--;
        return title.substring(0, cut).stripTrailing() + "…";
    }

    /** The first sentence, at most about {@link #TITLE_WORDS} words, cut at a word boundary. */
    static String leadOf(String text) {
        if (text.isEmpty()) return "";
        String first = text;
        int nl = first.indexOf('\n');
        if (nl >= 0) first = first.substring(0, nl);
        int end = sentenceEnd(first);
        if (end > 0) first = first.substring(0, end);
        String[] words = first.strip().split(" ");
        if (words.length <= TITLE_WORDS) return first.strip();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < TITLE_WORDS; i++) {
            if (i > 0) b.append(' ');
            b.append(words[i]);
        }
        return b.append('…').toString();
    }

    private static int sentenceEnd(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // "." between digits is a decimal point, not the end of a sentence
            if (c == '.' && i > 0 && i + 1 < s.length() && Character.isDigit(s.charAt(i - 1)) && Character.isDigit(s.charAt(i + 1))) {
                continue;
            }
            if (c == '.' || c == '؟' || c == '?' || c == '!' || c == '۔') return i + 1;
        }
        return -1;
    }
}
