package org.nashra.extract;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.nashra.text.ArabicText;

/**
 * "Other news" blocks: found by a heading (أخبار أخرى, اقرأ أيضا...) or a configured selector, and
 * split into items. Where a block runs several items together as plain paragraphs, a new item
 * starts at a headline-like line, at a link, or at a paragraph that shares too little vocabulary
 * with the item before it. Not every item of a block is news: see {@link #isSiteNavigation}.
 */
final class OtherNews {
    static final List<String> DEFAULT_HEADINGS = List.of("أخبار أخرى", "أخبار اخرى", "اخبار اخرى", "اقرأ أيضا",
            "اقرأ أيضاً", "اقرأ ايضا", "إقرأ أيضا", "اقرأ كذلك", "أخبار ذات صلة", "اخبار ذات صلة", "مواضيع ذات صلة",
            "مقالات ذات صلة", "ذات صلة", "المزيد من الأخبار", "مزيد من الأخبار", "الأكثر قراءة", "الأكثر مشاهدة",
            "الأكثر تداولا", "قد يهمك", "قد يهمك أيضا", "أخبار متعلقة", "اخبار متعلقة", "روابط ذات صلة");
    private static final int MAX_HEADING_CHARS = 40;
    private static final int MAX_ITEMS = 60;

    /**
     * One block: its heading (null for a configured selector) and the lines of its items.
     *
     * @param configured whether the source's configuration names it: found by its {@code other_news}
     *                   selector or under one of its {@code other_news_headings}
     */
    record Block(Element heading, List<TextLine> lines, Set<Node> nodes, boolean configured) {}

    /** An item split from a block, before it becomes a {@link RawItem}. */
    record Item(String title, String url, List<String> body, String image) {}

    private final Set<String> headingKeys = new HashSet<>();
    private final Set<String> configuredKeys = new HashSet<>();

    OtherNews(List<String> extraHeadings) {
        for (String h : DEFAULT_HEADINGS) headingKeys.add(headingKey(h));
        for (String h : extraHeadings) configuredKeys.add(headingKey(h));
        configuredKeys.remove("");
        headingKeys.addAll(configuredKeys);
        headingKeys.remove("");
    }

    static String headingKey(String text) {
        // trailing dots, colons, dashes and arrows are decoration ("أخبار أخرى..", "اقرأ أيضا:")
        return ArabicText.matchingKey(text);
    }

    boolean isHeading(String text) {
        return text.length() <= MAX_HEADING_CHARS && headingKeys.contains(headingKey(text));
    }

    /** Blocks found by heading anywhere outside navigation, in document order. */
    List<Block> byHeading(Document doc, DomStats stats) {
        List<Block> out = new ArrayList<>();
        Set<Node> taken = new HashSet<>();
        for (Element el : doc.body().getAllElements()) {
            int len = stats.textLength(el);
            if (len == 0 || len > MAX_HEADING_CHARS) continue;
            // the outermost element with this text; checked before text(), which walks the subtree
            Element parent = el.parent();
            if (parent != null && stats.textLength(parent) == len && parent != doc.body()) continue;
            if (!isHeading(el.text())) continue;
            if (inNavigation(el)) continue;
            if (taken.contains(el)) continue;
            Block b = blockAfter(el, stats);
            if (b != null) {
                out.add(b);
                taken.addAll(b.nodes());
                for (TextLine l : b.lines()) if (l.block() != null) taken.add(l.block());
            }
        }
        return out;
    }

    /** A block from a configured selector's element; a leading heading line is dropped. */
    Block bySelector(Element el) {
        List<TextLine> lines = new ArrayList<>(Lines.of(List.of(el)));
        Element heading = null;
        if (!lines.isEmpty() && isHeading(lines.get(0).text())) {
            // kept as the block's heading, so that the article's body drops it with the block
            Node first = lines.remove(0).nodes().get(0);
            heading = first instanceof Element e ? e : first.parent() instanceof Element p ? p : null;
        }
        return new Block(heading, lines, nodesOf(lines), true);
    }

    /**
     * A heading line among body lines (after some text), with every line after it as the block;
     * null when there is none.
     */
    Block byLine(List<TextLine> lines) {
        boolean text = false;
        for (int i = 0; i < lines.size(); i++) {
            TextLine l = lines.get(i);
            if (l.isImage()) continue;
            if (text && l.href() == null && isHeading(l.text()) && i + 1 < lines.size()) {
                List<TextLine> after = List.copyOf(lines.subList(i + 1, lines.size()));
                return new Block(null, after, nodesOf(after), configuredKeys.contains(headingKey(l.text())));
            }
            text = true;
        }
        return null;
    }

    private Block blockAfter(Element heading, DomStats stats) {
        Element h = heading;
        for (int up = 0; up < 4 && h != null; up++) {
            List<Element> following = new ArrayList<>();
            for (Element sib = h.nextElementSibling(); sib != null; sib = sib.nextElementSibling()) {
                if (stats.textLength(sib) > 0 && isStop(sib)) break;
                following.add(sib);
            }
            boolean hasText = following.stream().anyMatch(e -> stats.textLength(e) > 0);
            if (hasText) {
                List<TextLine> lines = Lines.of(following);
                Set<Node> nodes = nodesOf(lines);
                return new Block(heading, lines, nodes, configuredKeys.contains(headingKey(heading.text())));
            }
            if (h.parent() == null || h.parent().nameIs("body")) return null;
            h = h.parent();
        }
        return null;
    }

    /** The block ends at the next other-news heading or at comments and footers. */
    private boolean isStop(Element sib) {
        if (sib.text().length() <= MAX_HEADING_CHARS && isHeading(sib.text())) return true;
        for (String t : Hints.tokens(sib)) {
            if (t.startsWith("comment") || t.equals("respond") || t.equals("footer") || t.equals("share")
                    || t.equals("sharing") || t.equals("tags")) {
                return true;
            }
        }
        return sib.nameIs("footer") || sib.nameIs("form");
    }

    private static boolean inNavigation(Element el) {
        Element e = el;
        for (int i = 0; e != null && i < 30; i++, e = e.parent()) {
            if (e.nameIs("nav") || e.nameIs("header") && e.parent() != null && e.parent().nameIs("body")
                    || e.attr("role").equals("navigation")) {
                return true;
            }
            for (String t : Hints.tokens(e)) {
                if (t.equals("menu") || t.equals("nav") || t.equals("navbar") || t.equals("navigation")) return true;
            }
        }
        return false;
    }

    private static Set<Node> nodesOf(List<TextLine> lines) {
        Set<Node> out = new LinkedHashSet<>();
        for (TextLine l : lines) out.addAll(l.nodes());
        return out;
    }

    /** Splits a block's lines into items. */
    static List<Item> split(List<TextLine> lines) {
        List<Draft> items = new ArrayList<>();
        Draft cur = null;
        String pendingImage = null;
        for (int i = 0; i < lines.size() && items.size() < MAX_ITEMS; i++) {
            TextLine line = lines.get(i);
            if (line.isImage()) {
                // thumbnails precede their headline in most related-news markup
                if (pendingImage == null) pendingImage = line.image();
                continue;
            }
            TextLine next = nextText(lines, i);
            if (line.href() != null && line.words() >= 2) {
                cur = new Draft(line.linkText() == null || line.linkText().isBlank() ? line.text() : line.linkText(),
                        line.href());
                items.add(cur);
            } else if (isHeadlineLike(line) && next != null && next.href() == null && isBodyParagraph(next)) {
                cur = new Draft(line.text(), null);
                items.add(cur);
            } else if (line.words() <= 4 && !ContentFinder.endsSentence(line.text())) {
                continue; // dates, categories, "منذ ساعتين": not item text
            } else if (cur == null || !cur.body.isEmpty() && !cohesive(cur, line.text())
                    || cur.url != null && !cur.body.isEmpty()) {
                cur = new Draft(null, null);
                cur.body.add(line.text());
                items.add(cur);
            } else {
                cur.body.add(line.text());
            }
            if (pendingImage != null && cur != null && cur.image == null) {
                cur.image = pendingImage;
            }
            pendingImage = null;
        }
        if (pendingImage != null && cur != null && cur.image == null) cur.image = pendingImage;
        List<Item> out = new ArrayList<>();
        for (Draft d : items) {
            String title = d.title != null ? d.title : titleFromFirstSentence(String.join(" ", d.body));
            if (title.isBlank()) continue;
            out.add(new Item(title, d.url, List.copyOf(d.body), d.image));
        }
        return out;
    }

    /**
     * Whether an item is the site's navigation rather than news: a bare link (a headline, no text of
     * its own) to another page of the site it was read on, as "اقرأ أيضاً", "الأكثر مشاهدة" and
     * related-posts boxes list them. Such a link is the outlet's own article, read from its page when
     * the outlet lists it; as an item it would only be a title standing in for that article. Items
     * with text of their own (the "أخبار أخرى.." paragraphs that pages append) and bare links to other
     * sites (another outlet's story) are news. A block the configuration names is taken as it is:
     * the operator said it is other news.
     *
     * @param ownText the item's text, chrome filtered out
     */
    static boolean isSiteNavigation(Block block, Item item, List<String> ownText, URI page) {
        return !block.configured() && ownText.isEmpty() && item.url() != null && Urls.sameSite(page, item.url());
    }

    private static TextLine nextText(List<TextLine> lines, int i) {
        for (int j = i + 1; j < lines.size(); j++) if (!lines.get(j).isImage()) return lines.get(j);
        return null;
    }

    /** Short, no closing punctuation: how headlines look when a block runs items together. */
    static boolean isHeadlineLike(TextLine line) {
        int w = line.words();
        return w >= 3 && w <= 20 && line.text().length() <= 160 && !endsClause(line.text());
    }

    static boolean isBodyParagraph(TextLine line) {
        return line.words() > 20 || line.words() >= 8 && endsClause(line.text());
    }

    private static boolean endsClause(String s) {
        String t = s.strip();
        if (t.isEmpty()) return false;
        char c = t.charAt(t.length() - 1);
        return ContentFinder.endsSentence(t) || c == '،' || c == ',' || c == '؛' || c == ':' || c == '…';
    }

    /** Whether a paragraph continues the item: enough shared content words with what came before. */
    static boolean cohesive(Draft cur, String paragraph) {
        Set<String> p = Vocabulary.contentStems(paragraph);
        if (p.isEmpty()) return true;
        Set<String> c = Vocabulary.contentStems((cur.title == null ? "" : cur.title + " ") + String.join(" ", cur.body));
        int shared = 0;
        for (String s : p) if (c.contains(s)) shared++;
        return shared >= 3 && shared >= 0.12 * p.size();
    }

    /**
     * "وقال المكتب الإعلامي لرئيس المجلس في بيان، إن "الرئيس استقبل ..."": a report of what was said,
     * whose news is the quote. Group 1 is the quote.
     */
    private static final java.util.regex.Pattern REPORTED = java.util.regex.Pattern.compile(
            "و?(?:قال|قالت|ذكر|ذكرت|أعلن|أعلنت|اعلن|اعلنت|أكد|أكدت|اكد|اكدت|أوضح|أوضحت|اوضح|اوضحت|أفاد|أفادت|افاد|افادت|صرح|صرّح)"
            + "\\s[^\"«“”]{3,160}?(?:إن|ان|أن)\\s*[\"«“]([^\"»”]{10,})");
    private static final int MIN_QUOTE_TITLE_WORDS = 5;

    /**
     * A title for an item that has none: its first sentence, cut at a clause or word boundary,
     * twelve words at most; or, when that sentence only reports that someone said something ("وقال
     * المكتب الإعلامي ... في بيان، إن "..."), the start of what was said.
     */
    static String titleFromFirstSentence(String text) {
        java.util.regex.Matcher m = REPORTED.matcher(text.strip());
        if (m.lookingAt()) {
            String quote = firstClause(m.group(1));
            if (quote.split("\\s+").length >= MIN_QUOTE_TITLE_WORDS) return quote;
        }
        return withoutOpeningAnd(firstClause(text));
    }

    /**
     * Verbs a news paragraph opens with after "و" when it continues a page ("والتقى وزير التخطيط
     * ..."): as a headline the conjunction reads as a fragment.
     */
    private static final java.util.regex.Pattern OPENING_AND = java.util.regex.Pattern.compile(
            "^و(?=(?:التقى|استقبل|بحث|قال|قالت|أعلن|أعلنت|اعلن|أكد|أكدت|اكد|أوضح|اوضح|أفاد|افاد|صرح|شارك|افتتح|دعا|أشار|اشار"
            + "|كشف|أصدر|اصدر|تابع|زار|ترأس|ترأست|عقد|عقدت|وقع|وقعت|أطلق|أطلقت|اطلق|نفذ|نفذت|ضبط|ضبطت|أصيب|قتل|توفي|وصل|وصلت)\\s)");

    private static String withoutOpeningAnd(String title) {
        return OPENING_AND.matcher(title).replaceFirst("");
    }

    /** The first sentence, cut at a clause or word boundary, twelve words at most. */
    private static String firstClause(String text) {
        String t = text.strip();
        int end = t.length();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '.' || c == '!' || c == '؟' || c == '?' || c == '\n') {
                end = i;
                break;
            }
        }
        String sentence = t.substring(0, end).strip();
        String[] words = sentence.split("\\s+");
        if (words.length > 12) {
            int clauseEnd = -1;
            for (int w = 4; w < 12; w++) {
                if (words[w].matches(".*[،,؛:\"«»“”]$")) {
                    clauseEnd = w;
                    break;
                }
            }
            int n = clauseEnd >= 0 ? clauseEnd + 1 : 12;
            sentence = String.join(" ", java.util.Arrays.copyOf(words, n));
        }
        return sentence.replaceAll("[\\s،,؛:\"«»“”(\\-–]+$", "").strip();
    }

    static final class Draft {
        final String title;
        final String url;
        final List<String> body = new ArrayList<>();
        String image;

        Draft(String title, String url) {
            this.title = title;
            this.url = url;
        }
    }
}
