package org.nashra.publish;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * "أخبار أخرى" digest: one entry per time window grouping the other-news items that were not
 * merged into a main story, headlines with links grouped by outlet.
 *
 * <p>Windows are aligned on the local day in the feed's zone (00:00–06:00, 06:00–12:00, … for six
 * hours), so they read naturally and never depend on when the digest is rendered. An entry's id
 * is derived from the feed's tag id, the window length and the window start only: re-rendering,
 * restarting or a late item leaves it unchanged, and a late item moves its updated time. Its link
 * is made the same way, to a page showing that window alone: a reader who follows it finds the
 * entry's headlines, where the index page (its link once) shows other stories.
 */
public final class OtherNewsDigest {

    public static final String TITLE = "أخبار أخرى";
    static final Duration MAX_WINDOW = Duration.ofDays(1);

    /** Levantine/Iraqi month names, as Iraqi outlets write them. */
    private static final String[] MONTHS = {
        "كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران",
        "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"};
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter ID_INSTANT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'", Locale.ROOT).withZone(java.time.ZoneOffset.UTC);

    private OtherNewsDigest() {}

    /**
     * Builds the digest entries, newest window first.
     *
     * @param otherItems the other-news items to group (each becomes one headline; repeats by
     *                   tag id are listed once)
     * @param window     window length, from one minute to one day
     * @param feedTagId  the feed's tag URI ({@link FeedDocument#tagId()}); entry ids extend it
     * @param zone       the zone whose local day the windows follow, and titles are written in
     * @param pages      where the feed's digest pages are: an entry links to {@code pages/PT6H/2026-11-29T09:00Z}
     *                 ({@link #windowPath}), {@code pages}' query after (a filtered view's selection); when
     *                 null, to its newest member's link
     */
    public static List<StoryView> build(List<StoryView> otherItems, Duration window, String feedTagId,
                                        ZoneId zone, URI pages) {
        Objects.requireNonNull(feedTagId, "feedTagId");
        Objects.requireNonNull(zone, "zone of digest for " + feedTagId);
        if (window == null || window.compareTo(Duration.ofMinutes(1)) < 0 || window.compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("digest window for " + feedTagId + " must be 1m..24h, was " + window);
        }
        Map<Instant, Map<String, StoryView>> byWindow = new TreeMap<>(Comparator.reverseOrder());
        for (StoryView item : otherItems) {
            byWindow.computeIfAbsent(windowStart(item.published(), window, zone), w -> new LinkedHashMap<>())
                    .putIfAbsent(item.tagId(), item);
        }
        List<StoryView> digests = new ArrayList<>(byWindow.size());
        byWindow.forEach((start, members) ->
                digests.add(entry(start, window, List.copyOf(members.values()), feedTagId, zone, pages)));
        return List.copyOf(digests);
    }

    /** Start of the window holding {@code t}: the local day's start plus whole windows. */
    public static Instant windowStart(Instant t, Duration window, ZoneId zone) {
        Instant dayStart = t.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
        long whole = Duration.between(dayStart, t).toMillis() / window.toMillis();
        return dayStart.plus(window.multipliedBy(whole));
    }

    /**
     * End (exclusive) of the window starting at {@code start}: a window length later, or the next
     * local day's start when that comes first (the last window of a day that is not a whole
     * number of windows long, as on a daylight-saving day), so windows never overlap.
     */
    public static Instant windowEnd(Instant start, Duration window, ZoneId zone) {
        Instant nextDay = start.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        Instant end = start.plus(window);
        return end.isBefore(nextDay) ? end : nextDay;
    }

    /** {@code tag:…:feed/all/other-news/PT6H/2026-11-29T09:00Z}. */
    static String tagId(String feedTagId, Duration window, Instant start) {
        return feedTagId + "/other-news/" + windowPath(window, start);
    }

    /** What names a window in an entry's id and its page's URL: {@code PT6H/2026-11-29T09:00Z}. */
    public static String windowPath(Duration window, Instant start) {
        return window + "/" + ID_INSTANT.format(start);
    }

    /** The window start a page's URL names ({@link #windowPath}'s {@code 2026-11-29T09:00Z}); empty when it names none. */
    public static Optional<Instant> startNamed(String start) {
        try {
            Instant t = ZonedDateTime.parse(start, ID_INSTANT).toInstant();
            // as written, not as resolved: "2026-02-30T00:00Z" is no window's name, though it parses to the 28th
            return ID_INSTANT.format(t).equals(start) ? Optional.of(t) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** {@code pages/PT6H/2026-11-29T09:00Z}, with {@code pages}' query. */
    static String link(URI pages, Duration window, Instant start) {
        String query = pages.getRawQuery();
        String path = pages.toString();
        if (query != null) path = path.substring(0, path.length() - query.length() - 1);
        return path.replaceAll("/+$", "") + "/" + windowPath(window, start) + (query == null ? "" : "?" + query);
    }

    private static StoryView entry(Instant start, Duration window, List<StoryView> members, String feedTagId,
                                   ZoneId zone, URI pages) {
        List<StoryView> newestFirst = new ArrayList<>(members);
        newestFirst.sort(Comparator.comparing(StoryView::published).reversed().thenComparing(StoryView::tagId));
        Instant published = members.stream().map(StoryView::published).min(Comparator.naturalOrder()).orElseThrow();
        Instant updated = members.stream().map(StoryView::updated).max(Comparator.naturalOrder()).orElseThrow();
        String link = pages != null ? link(pages, window, start) : newestFirst.get(0).link();
        return new StoryView(0, tagId(feedTagId, window, start), title(start, window, zone),
                summary(newestFirst), content(newestFirst), link, List.of(), List.of(TITLE),
                null, null, null, published, updated);
    }

    /** "أخبار أخرى — 29 تشرين الثاني 2026، 12:00–18:00" in the feed's zone. */
    static String title(Instant start, Duration window, ZoneId zone) {
        ZonedDateTime from = start.atZone(zone);
        ZonedDateTime to = start.plus(window).atZone(zone);
        ZonedDateTime nextDay = from.toLocalDate().plusDays(1).atStartOfDay(zone);
        String end = to.isBefore(nextDay) ? HOUR_MINUTE.format(to) : "24:00";
        return TITLE + " — " + from.getDayOfMonth() + " " + MONTHS[from.getMonthValue() - 1] + " " + from.getYear()
                + "، " + HOUR_MINUTE.format(from) + "–" + end;
    }

    private static String summary(List<StoryView> newestFirst) {
        List<String> headlines = new ArrayList<>();
        for (StoryView s : newestFirst) {
            String title = HtmlSanitizer.toPlainText(s.title());
            if (!title.isEmpty()) headlines.add(title);
        }
        return String.join("؛ ", headlines);
    }

    /** Outlets in name order, each with its headlines newest first. Raw HTML: FeedWriter sanitizes. */
    private static String content(List<StoryView> newestFirst) {
        Map<String, List<StoryView>> byOutlet = new TreeMap<>();
        for (StoryView s : newestFirst) byOutlet.computeIfAbsent(outlet(s), o -> new ArrayList<>()).add(s);
        Document doc = Document.createShell("");
        Element root = doc.body();
        byOutlet.forEach((outlet, stories) -> {
            root.appendElement("h3").text(outlet);
            Element ul = root.appendElement("ul");
            for (StoryView s : stories) {
                String title = HtmlSanitizer.toPlainText(s.title());
                ul.appendElement("li").appendElement("a").attr("href", s.link()).text(title.isEmpty() ? s.link() : title);
            }
        });
        return root.html();
    }

    private static String outlet(StoryView s) {
        if (!s.sources().isEmpty()) {
            String name = EntryContent.outletName(s.sources().get(0));
            if (!name.isEmpty()) return name;
        }
        try {
            String host = URI.create(s.link()).getHost();
            return host == null ? s.link() : host;
        } catch (IllegalArgumentException e) {
            return s.link();
        }
    }
}
