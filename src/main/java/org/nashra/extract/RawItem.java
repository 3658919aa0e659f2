package org.nashra.extract;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One news item as one source published it, before normalization.
 *
 * @param url          absolute link to the item (for "other" items without their own page, the
 *                     parent page's URL plus a fragment)
 * @param guid         the feed's id for it, or null
 * @param html         body as HTML (unsanitized; sanitizing happens at publication), may be empty
 * @param text         body as plain text, paragraphs separated by "\n"
 * @param publishedRaw the date as the source wrote it, or null
 * @param published    a machine-readable date when the format gave one (feed dates, ISO
 *                     attributes), else null and normalization parses {@code publishedRaw}
 * @param parentUrl    for role OTHER, the page the block was found on
 */
public record RawItem(String sourceId, String url, String guid, String title, String html, String text,
                      String publishedRaw, Instant published, Instant updated, String author,
                      String image, List<String> categories, Role role, String parentUrl) {
    public RawItem {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(url, "url of item from " + sourceId);
        title = title == null ? "" : title;
        html = html == null ? "" : html;
        text = text == null ? "" : text;
        categories = categories == null ? List.of() : List.copyOf(categories);
        role = role == null ? Role.MAIN : role;
    }

    /**
     * False when {@link #url} stands in for a page the item does not have: the feed's address with
     * its guid as fragment (an item with an id and no link). Fetching that URL gets the home page.
     */
    public boolean hasOwnPage() {
        return !FeedUrls.isGuidStandIn(url);
    }
}
