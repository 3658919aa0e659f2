package org.nashra.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.nashra.text.ArabicText;

/**
 * What feed generators add to every item's body, which no reader wants in a republished one: the
 * WordPress (Yoast) footer "ظهرت المقالة ... أولاً على ..." / "The post ... appeared first on ...",
 * read-more links, follow-us lines, the "[…]" that ends a cut excerpt, share and related-post
 * widgets, and tracking pixels (which would otherwise become the item's image).
 *
 * <p>Footers and read-more links are taken only from the end of the body, the last three blocks
 * at most: a sentence inside an article that reads like one stays.
 */
final class FeedChrome {
    // Patterns run on matching keys (ArabicText.matchingKey: one space between tokens, hamza and
    // teh marbuta folded) and use no \b, which recent JDKs take as ASCII-only.
    /** A generator's footer block. */
    private static final Pattern FOOTER = Pattern.compile(
            "^(?:هذا الموضوع |هذه المقاله |المقاله |المقال |التدوينه |الموضوع |الخبر |المنشور )?ظهرت? (?:.{0,400} )?اولا (?:علي|في) .{1,200}$"
            + "|^the post .{1,400} appeared first on .{1,200}$");
    /** Matching keys that start a read-more link. */
    private static final Pattern READ_MORE = Pattern.compile(
            "^(?:continue reading|read more|read the full (?:story|article|post)|keep reading|اقرا المزيد"
            + "|متابعه القراءه|تابع القراءه|تابع المزيد|اكمل القراءه|اقرا الخبر كاملا|اقرا المقال كاملا|اقرا التفاصيل"
            + "|لقراءه المزيد|لقراءه الخبر كاملا)(?: .{0,200})?$");
    /** Words that make a read-more link only when they are nearly all of it ("المزيد »", "التفاصيل"). */
    private static final Pattern READ_MORE_WORD = Pattern.compile("^(?:المزيد|للمزيد|التفاصيل|more)(?: .{0,40})?$");
    /** "[…]", "[...]" or "(…)" closing a cut excerpt. */
    private static final Pattern CUT_MARK = Pattern.compile("\\s*[\\[(]\\s*(?:…|\\.\\.\\.|\\.\\s\\.\\s\\.)\\s*[\\])]\\s*$");
    private static final String WIDGETS = ".feedflare, .sharedaddy, .jp-relatedposts, .addtoany_share_save_container, "
            + ".a2a_kit, .yarpp-related, .wp-block-jetpack-sharing-buttons, .wpcnt, .mf-viral";
    private static final Pattern TRACKER = Pattern.compile(
            "(?i)^https?://(?:feeds\\.feedburner\\.com/~[rf]/|feeds\\.feedblitz\\.com/~/i/|pixel\\.wp\\.com/|stats\\.wordpress\\.com/"
            + "|[^/]*feedsportal\\.com/c/|www\\.google-analytics\\.com/)");
    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
            "blockquote", "section", "article", "footer", "aside", "figure", "figcaption", "table", "dl", "pre");
    private static final int TRAILING_BLOCKS = 3;

    private FeedChrome() {}

    /** The body HTML without the generator's chrome; the input itself when there is none. */
    static String strip(String html) {
        return strip(FeedBody.of(html, null)).html();
    }

    /** As {@link #strip(String)}, on the body's tree: the body itself, tree and all, when it has no chrome. */
    static FeedBody strip(FeedBody body) {
        if (body.isBlank()) return body;
        Document doc = body.doc();
        boolean changed = false;
        for (Element e : doc.body().select(WIDGETS)) {
            e.remove();
            changed = true;
        }
        for (Element img : doc.body().select("img")) {
            if (isTracker(img)) {
                Element parent = img.parent();
                img.remove();
                if (parent != null && parent.normalName().equals("a") && parent.text().isBlank() && parent.select("img").isEmpty()) {
                    parent.remove();
                }
                changed = true;
            }
        }
        for (int i = 0; i < TRAILING_BLOCKS; i++) {
            Element last = lastLeafBlock(doc.body());
            if (last == null || !isFooter(last)) break;
            removeWithEmptyParents(last, doc.body());
            changed = true;
        }
        Element last = lastLeafBlock(doc.body());
        if (trimEnd(last != null ? last : doc.body())) changed = true;
        return changed ? body.rewritten() : body;
    }

    /** Plain-text lines (a JSON Feed's content_text) without a trailing footer or cut mark. */
    static List<String> stripLines(List<String> lines) {
        List<String> out = new ArrayList<>(lines);
        for (int i = 0; i < TRAILING_BLOCKS && !out.isEmpty(); i++) {
            if (!FOOTER.matcher(ArabicText.matchingKey(out.get(out.size() - 1))).matches()) break;
            out.remove(out.size() - 1);
        }
        if (!out.isEmpty()) {
            String lastLine = out.get(out.size() - 1);
            String cut = CUT_MARK.matcher(lastLine).replaceFirst("…");
            if (!cut.equals(lastLine)) out.set(out.size() - 1, cut);
        }
        return out;
    }

    private static boolean isTracker(Element img) {
        if (TRACKER.matcher(img.attr("src").strip()).find()) return true;
        return tiny(img.attr("width")) && tiny(img.attr("height"));
    }

    private static boolean tiny(String dimension) {
        String d = dimension.strip().replace("px", "");
        return d.matches("[0-2]");
    }

    /** A generator footer, or a block that is only a read-more link. */
    private static boolean isFooter(Element block) {
        String key = ArabicText.matchingKey(block.text());
        if (key.isEmpty()) return block.select("img, video, iframe").isEmpty();
        if (FOOTER.matcher(key).matches() || BoilerplateFilter.isShareText(key)) return true;
        return !block.select("a").isEmpty() && isReadMore(key);
    }

    private static boolean isReadMore(String key) {
        int words = key.split(" ").length;
        return READ_MORE.matcher(key).matches() && words <= 20 || READ_MORE_WORD.matcher(key).matches() && words <= 4;
    }

    /** Drops a read-more link and a cut mark from the end of the last block; whether anything changed. */
    private static boolean trimEnd(Element block) {
        boolean changed = false;
        Node tail = lastMeaningful(block);
        if (tail instanceof Element a && a.normalName().equals("a")
                && (a.hasClass("more-link") || isReadMore(ArabicText.matchingKey(a.text())))) {
            a.remove();
            changed = true;
            tail = lastMeaningful(block);
        }
        while (tail instanceof Element e && !e.normalName().equals("a") && !e.childNodes().isEmpty()) {
            tail = lastMeaningful(e);
        }
        if (tail instanceof TextNode t) {
            String text = t.getWholeText();
            String cut = CUT_MARK.matcher(text).replaceFirst("…");
            if (!cut.equals(text)) {
                t.text(cut);
                changed = true;
            }
        }
        return changed;
    }

    private static Node lastMeaningful(Element e) {
        List<Node> nodes = e.childNodes();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Node n = nodes.get(i);
            if (n instanceof TextNode t && t.isBlank()) continue;
            if (n instanceof Element el && el.normalName().equals("br")) continue;
            return n;
        }
        return null;
    }

    /**
     * The block elements holding no other block, in document order: the lines of the body. One
     * pass from the end, so a hostile body nested thousands deep costs no more than a flat one
     * (no recursion, no walk of each subtree).
     */
    static List<Element> leafBlocks(Element root) {
        Elements all = root.getAllElements();
        java.util.Set<Element> holdsBlock = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<Element> leaves = new ArrayList<>();
        // reverse document order visits every descendant before its ancestors
        for (int i = all.size() - 1; i >= 0; i--) {
            Element e = all.get(i);
            if (e == root) continue;
            boolean block = BLOCKS.contains(e.normalName());
            boolean holds = holdsBlock.contains(e);
            if (block && !holds) leaves.add(e);
            if ((block || holds) && e.parent() != null) holdsBlock.add(e.parent());
        }
        java.util.Collections.reverse(leaves);
        return leaves;
    }

    /** The last block element holding no other block, or null when the body has none. */
    private static Element lastLeafBlock(Element root) {
        List<Element> leaves = leafBlocks(root);
        if (leaves.isEmpty()) return null;
        Element found = leaves.get(leaves.size() - 1);
        // text after the last block (a bare footer line) belongs to no block: leave it
        return hasTextAfter(found, root) ? null : found;
    }

    private static boolean hasTextAfter(Element block, Element root) {
        for (Element e = block; e != null && e != root; e = e.parent()) {
            for (Node n = e.nextSibling(); n != null; n = n.nextSibling()) {
                if (n instanceof TextNode t ? !t.isBlank() : n instanceof Element el && !el.text().isBlank()) return true;
            }
        }
        return false;
    }

    private static void removeWithEmptyParents(Element block, Element root) {
        Element parent = block.parent();
        block.remove();
        while (parent != null && parent != root && parent.text().isBlank() && parent.select("img, video, iframe").isEmpty()) {
            Element up = parent.parent();
            parent.remove();
            parent = up;
        }
    }
}
