package org.nashra.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.nashra.config.SourceConfig;
import org.nashra.text.ArabicText;

/**
 * An outlet's own chrome in its feed items: the source's configured {@code boilerplate} phrases,
 * its name alone on a line or around a headline ("... - المسلة"), follow-us lines, and lines that
 * recur across many of its items ("للاشتراك في قناتنا على تلغرام اضغط هنا"), learned as pages
 * teach the {@link BoilerplateLearner}.
 *
 * <p>What generators add the same way everywhere is {@link FeedChrome}'s, done while parsing;
 * this needs the source. Labels and date lines stay: in a feed body "المصدر: واع" is the wire
 * credit the story shows, not page furniture.
 */
public final class FeedBoilerplate {
    private static final Set<String> REASONS = Set.of("configured", "outlet name", "share", "learned");

    private final SourceConfig source;
    private final BoilerplateLearner learner;

    public FeedBoilerplate(SourceConfig source, BoilerplateLearner learner) {
        this.source = Objects.requireNonNull(source, "source");
        this.learner = Objects.requireNonNull(learner, "learner");
    }

    /**
     * The items with their chrome lines dropped from html and text and the outlet's name taken off
     * their headlines; items without either come back as they were.
     */
    public List<RawItem> clean(List<RawItem> items, String feedTitle) {
        for (RawItem item : items) {
            // a key of its own (a fulltext source's article page has the item's URL as its key),
            // hashed: a learner remembers thousands of them for each of many sources
            learner.observe(source.id(), "feed-item:" + Long.toHexString(fnv64(item.guid() != null ? item.guid() : item.url())),
                    edgeLines(item.text()));
        }
        BoilerplateFilter filter = new BoilerplateFilter(source, feedTitle, learner);
        Set<String> names = nameKeys(source.name(), feedTitle);
        List<RawItem> out = new ArrayList<>(items.size());
        for (RawItem item : items) out.add(clean(item, filter, names));
        return out;
    }

    private static RawItem clean(RawItem item, BoilerplateFilter filter, Set<String> names) {
        String title = withoutOutletName(item.title(), names);
        boolean any = false;
        for (String line : item.text().split("\n")) {
            if (isChrome(filter, line)) {
                any = true;
                break;
            }
        }
        if (!any && title.equals(item.title())) return item;
        String html = item.html();
        String text = item.text();
        if (any) {
            Document doc = Jsoup.parseBodyFragment(item.html());
            for (Element e : FeedChrome.leafBlocks(doc.body())) {
                if (isChrome(filter, e.text())) e.remove();
            }
            html = doc.body().html();
            text = FeedHtml.text(html);
        }
        return new RawItem(item.sourceId(), item.url(), item.guid(), title, html, text, item.publishedRaw(),
                item.published(), item.updated(), item.author(), item.image(), item.categories(), item.role(), item.parentUrl());
    }

    // no colon: "الرياض: افتتاح معرض" is a city before a headline, even on an outlet named الرياض
    private static final Pattern NAME_SEPARATOR = Pattern.compile("\\s*\\|\\s*|\\s+[-–—»]\\s+");

    /** The outlet's name, its feed's title and each part of that title ("المسلة - أخبار العراق"), as matching keys. */
    static Set<String> nameKeys(String... names) {
        Set<String> out = new HashSet<>();
        for (String name : names) {
            if (name == null) continue;
            add(out, name);
            for (String part : NAME_SEPARATOR.split(name)) add(out, part);
        }
        return out;
    }

    private static void add(Set<String> keys, String name) {
        String key = ArabicText.matchingKey(name);
        if (!key.isEmpty() && key.split(" ").length <= 6) keys.add(key);
    }

    /**
     * "Headline - المسلة", "المسلة | Headline": feeds that name their outlet in every headline,
     * which would show twice in a republished entry and make two outlets' headlines of one story
     * less alike. Only a part that is the outlet's name goes, and never the whole headline.
     */
    static String withoutOutletName(String title, Set<String> nameKeys) {
        if (title == null || nameKeys.isEmpty()) return title;
        Matcher m = NAME_SEPARATOR.matcher(title);
        int firstStart = -1, firstEnd = -1, lastStart = -1, lastEnd = -1;
        while (m.find()) {
            if (firstStart < 0) {
                firstStart = m.start();
                firstEnd = m.end();
            }
            lastStart = m.start();
            lastEnd = m.end();
        }
        if (lastStart < 0) return title;
        String tail = title.substring(lastEnd);
        String head = title.substring(0, lastStart).strip();
        if (nameKeys.contains(ArabicText.matchingKey(tail)) && head.split("\\s+").length >= 2) return head;
        // a name leads only before a bar ("المسلة | ..."): "بغداد - ..." opens many headlines
        String lead = title.substring(0, firstStart);
        String rest = title.substring(firstEnd).strip();
        boolean bar = title.substring(firstStart, firstEnd).contains("|");
        if (bar && nameKeys.contains(ArabicText.matchingKey(lead)) && rest.split("\\s+").length >= 2) return rest;
        return title;
    }

    /** Lines shorter than this can be chrome: a feed item's paragraphs are longer. */
    static final int MAX_CHROME_CHARS = 200;

    /**
     * The lines an item's chrome sits on: its first and its last two, when short. Only these are
     * counted, so the learner holds a few lines an item rather than every paragraph of every feed.
     */
    static List<String> edgeLines(String text) {
        String[] lines = text.split("\n");
        List<String> out = new ArrayList<>(3);
        for (int i = 0; i < lines.length; i++) {
            if ((i == 0 || i >= lines.length - 2) && lines[i].length() <= MAX_CHROME_CHARS) out.add(lines[i]);
        }
        return out;
    }

    private static long fnv64(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static boolean isChrome(BoilerplateFilter filter, String line) {
        String reason = filter.reason(line);
        return reason != null && REASONS.contains(reason);
    }
}
