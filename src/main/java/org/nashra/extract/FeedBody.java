package org.nashra.extract;

import java.net.URI;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A feed item's body HTML with its jsoup tree, parsed once, when a step first reads it. The steps an
 * item's body goes through ({@link FeedChrome#strip}, {@link FeedHtml#absolutize}, {@link FeedHtml#text},
 * {@link FeedHtml#firstImage}) read the same tree instead of parsing the same HTML four times.
 *
 * <p>A step that changes the tree hands on {@link #rewritten()}: the HTML written from the changed
 * tree, parsed again when a later step reads it. The item keeps that HTML, and its text must be the
 * text of that HTML, which is not always the changed tree's: jsoup writes tidied white space ("a\nb"
 * inside a paragraph comes out as "a b", cells of a table on lines of their own), which moves the line
 * breaks the text is split at. A step that changes nothing returns its input, tree and all.
 *
 * <p>Confined to the reading of one item; never leaves this package.
 */
final class FeedBody {
    private final String html;
    private final String baseUri;
    private Document doc;

    private FeedBody(String html, String baseUri) {
        this.html = html;
        this.baseUri = baseUri;
    }

    /**
     * @param html the body; null reads as ""
     * @param base what relative links resolve against (the item's xml:base or the feed's), or null; it
     *             changes no part of the tree, only what {@link org.jsoup.nodes.Element#absUrl} resolves to
     */
    static FeedBody of(String html, URI base) {
        return new FeedBody(html == null ? "" : html, base != null && base.isAbsolute() ? base.toString() : "");
    }

    String html() {
        return html;
    }

    boolean isBlank() {
        return html.isBlank();
    }

    /** Whether relative links have an absolute base to resolve against. */
    boolean hasBase() {
        return !baseUri.isEmpty();
    }

    /** The tree of {@link #html()}, parsed as a body fragment on the first call and the same tree after. */
    Document doc() {
        if (doc == null) doc = Jsoup.parseBodyFragment(html, baseUri);
        return doc;
    }

    /** After a step changed {@link #doc()}: the body as written from the changed tree, not yet parsed. */
    FeedBody rewritten() {
        if (doc == null) throw new IllegalStateException("a body not yet parsed cannot have been changed");
        return new FeedBody(doc.body().html(), baseUri);
    }
}
