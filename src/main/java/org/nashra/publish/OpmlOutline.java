package org.nashra.publish;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * One subscription line of an OPML 2.0 document.
 *
 * @param title       the outlet's or feed's name (OPML {@code text} and {@code title})
 * @param xmlUrl      the feed URL, or null for an HTML-only outlet
 * @param htmlUrl     the site page, or null
 * @param type        the source type as configured (rss, atom, json, html); OPML gets "rss" for
 *                    every feed, as readers expect, and "link" for HTML-only outlets
 * @param categories  groups; the first one becomes the folder the outline sits in
 * @param description a short description, or null
 */
public record OpmlOutline(String title, String xmlUrl, String htmlUrl, String type, List<String> categories,
                          String description) {
    public OpmlOutline {
        Objects.requireNonNull(title, "title of OPML outline");
        if (xmlUrl == null && htmlUrl == null) {
            throw new IllegalArgumentException("OPML outline '" + title + "' needs an xmlUrl or an htmlUrl");
        }
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** A published feed: its Atom URL (readers pick one format) and its page. */
    public static OpmlOutline publishedFeed(FeedDocument doc, String category) {
        return new OpmlOutline(doc.title(), doc.selfUrl(FeedFormat.ATOM).toString(),
                doc.siteUrl() == null ? null : doc.siteUrl().toString(), "atom",
                category == null ? List.of() : List.of(category), doc.description());
    }

    /** A published feed from its configuration: {@code baseFeedUrl} without extension. */
    public static OpmlOutline publishedFeed(String title, String description, URI baseFeedUrl, URI siteUrl) {
        return new OpmlOutline(title, FeedDocument.withExtension(baseFeedUrl, FeedFormat.ATOM).toString(),
                siteUrl == null ? null : siteUrl.toString(), "atom", List.of(), description);
    }
}
