package org.nashra.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.nashra.config.SourceConfig;

/**
 * An outlet's own chrome in its feed items: the source's configured {@code boilerplate} phrases,
 * its name alone on a line, follow-us lines, and lines that recur across many of its items
 * ("للاشتراك في قناتنا على تلغرام اضغط هنا"), learned as pages teach the {@link BoilerplateLearner}.
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

    /** The items with their chrome lines dropped from html and text; items without any come back as they were. */
    public List<RawItem> clean(List<RawItem> items, String feedTitle) {
        for (RawItem item : items) {
            // a key of its own: a fulltext source's article page has the item's URL as its key
            learner.observe(source.id(), "feed-item:" + (item.guid() != null ? item.guid() : item.url()),
                    List.of(item.text().split("\n")));
        }
        BoilerplateFilter filter = new BoilerplateFilter(source, feedTitle, learner);
        List<RawItem> out = new ArrayList<>(items.size());
        for (RawItem item : items) out.add(clean(item, filter));
        return out;
    }

    private static RawItem clean(RawItem item, BoilerplateFilter filter) {
        boolean any = false;
        for (String line : item.text().split("\n")) {
            if (isChrome(filter, line)) {
                any = true;
                break;
            }
        }
        if (!any) return item;
        Document doc = Jsoup.parseBodyFragment(item.html());
        for (Element e : doc.body().getAllElements()) {
            if (e != doc.body() && e.parent() != null && FeedChrome.isLeafBlock(e) && isChrome(filter, e.text())) e.remove();
        }
        String html = doc.body().html();
        String text = FeedHtml.text(html);
        return new RawItem(item.sourceId(), item.url(), item.guid(), item.title(), html, text, item.publishedRaw(),
                item.published(), item.updated(), item.author(), item.image(), item.categories(), item.role(), item.parentUrl());
    }

    private static boolean isChrome(BoilerplateFilter filter, String line) {
        String reason = filter.reason(line);
        return reason != null && REASONS.contains(reason);
    }
}
