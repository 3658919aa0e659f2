package org.nashra.extract;

import java.net.URI;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** The HTML a feed carries, turned into what a RawItem holds: plain titles, paragraph text, absolute links. */
final class FeedHtml {
    // Elements after which a reader sees a new line; anything else is inline and joins its neighbours.
    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
            "blockquote", "pre", "table", "tr", "section", "article", "header", "footer", "aside",
            "figure", "figcaption", "hr", "address", "main", "nav", "details", "summary");

    private static final java.util.regex.Pattern SPACES =
            java.util.regex.Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\uFEFF]+");

    private FeedHtml() {}

    /** A title as plain text: feeds put tags and (double-)escaped entities in titles, readers never want them. */
    static String plainTitle(String titleHtml) {
        if (titleHtml == null || titleHtml.isBlank()) {
            return "";
        }
        return collapse(Jsoup.parse(titleHtml).text());
    }

    /** Plain text that was declared as text (Atom type="text"): only whitespace is tidied. */
    static String plainText(String text) {
        return text == null ? "" : collapse(text);
    }

    /** Text as HTML paragraphs, for bodies a feed gave as plain text. */
    static String textAsHtml(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.strip().split("\\R\\s*\\R|\\R")) {
            if (!paragraph.isBlank()) {
                html.append("<p>").append(escape(paragraph.strip())).append("</p>");
            }
        }
        return html.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Body text: one line per block element, whitespace collapsed inside lines, blank lines dropped. */
    static String text(String html) {
        return text(FeedBody.of(html, null));
    }

    /** As {@link #text(String)}, read from the body's tree. */
    static String text(FeedBody body) {
        if (body.isBlank()) {
            return "";
        }
        Document doc = body.doc();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    out.append(t.getWholeText());
                } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    out.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    out.append('\n');
                }
            }
        }, doc.body());
        StringBuilder text = new StringBuilder();
        for (String line : out.toString().split("\n")) {
            String tidy = collapse(line);
            if (!tidy.isEmpty()) {
                if (text.length() > 0) {
                    text.append('\n');
                }
                text.append(tidy);
            }
        }
        return text.toString();
    }

    private static final java.util.regex.Pattern ESCAPED_TAG = java.util.regex.Pattern.compile(
            "&lt;\\s*/?\\s*(?:p|br|div|span|img|a|b|strong|em|i|u|ul|ol|li|h[1-6]|blockquote|figure|table)(?:\\s|/|&gt;)",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * A body escaped twice ("&amp;lt;p&amp;gt;" in the XML) reaches us as text that shows its own
     * tags. When a body holds no markup at all but escaped tags, it is unescaped once more.
     */
    static String unescapedOnceMore(String html) {
        if (html == null || html.indexOf('<') >= 0 || !ESCAPED_TAG.matcher(html).find()) return html;
        return Jsoup.parseBodyFragment(org.jsoup.parser.Parser.unescapeEntities(html, false)).body().html();
    }

    /**
     * The body with every href and src made absolute against its base, so the item reads the same
     * anywhere; the body itself when it has no absolute base or nothing changed.
     */
    static FeedBody absolutize(FeedBody body) {
        if (body.isBlank() || !body.hasBase()) {
            return body;
        }
        Document doc = body.doc();
        boolean changed = false;
        for (Element e : doc.select("[href], [src]")) {
            for (String attr : new String[] {"href", "src"}) {
                if (e.hasAttr(attr)) {
                    String value = e.attr(attr);
                    String abs = e.absUrl(attr);
                    if (!abs.isEmpty() && !abs.equals(value)) {
                        e.attr(attr, abs);
                        changed = true;
                    }
                }
            }
        }
        return changed ? body.rewritten() : body;
    }

    /** The first image of a body, absolute when the base allows, or null. */
    static String firstImage(FeedBody body, URI base) {
        if (body.isBlank()) {
            return null;
        }
        Element img = body.doc().selectFirst("img[src]");
        if (img == null || img.attr("src").isBlank()) {
            return null;
        }
        return FeedUrls.resolve(base, img.attr("src"));
    }

    /** NBSP and other Unicode spaces count as space; runs become one space. */
    static String collapse(String s) {
        return SPACES.matcher(s).replaceAll(" ").strip();
    }
}
