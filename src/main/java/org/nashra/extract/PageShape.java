package org.nashra.extract;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.nashra.text.ArabicText;
import org.nashra.text.Plural;

/**
 * What a page's markup says about its kind: an index of other pages (a home page, a section front)
 * or one article. Measured once on the parsed page, before extraction changes it.
 *
 * <p>An index is a column of teasers, each led by a link to a same-site page, or little text that is
 * mostly links; an article is running text under its own headline. What a page declares itself
 * (og:type=article, a JSON-LD NewsArticle and kin) is evidence, not a verdict: some CMSs mark every
 * page so, their home page too. A page whose JSON-LD carries the article's text is an article.
 *
 * @param anchors          links (a[href]) in the body
 * @param linkShare        share of the body's visible text inside links
 * @param headlineLinks    same-site links with headline-like text outside navigation and chrome
 * @param teasers          those of them that lead a box of their own inside the content candidate (the main column)
 * @param teaserText       running text (not link text) in those boxes
 * @param prose            running text (not link text) of the content candidate
 * @param contentLinks     share of the content candidate's text inside links
 * @param headline         a heading that is not a link, not page chrome and not the site's name sits with the content
 * @param declaresArticle  JSON-LD of an article type or og:type=article
 * @param carriesArticleBody the article JSON-LD gives the article's text (articleBody)
 */
record PageShape(int anchors, double linkShare, int headlineLinks, int teasers, int teaserText, int prose,
                 double contentLinks, boolean headline, boolean declaresArticle, boolean carriesArticleBody) {
    /**
     * Fewer characters of running text than this are not an article body: about 1% of the 5,000 real
     * articles in the shared evaluation corpus are shorter (counted without whitespace, like DomStats).
     */
    static final int MIN_ARTICLE_TEXT = 150;
    /** Headline links anywhere on a page that make it a listing unless its content reads as an article. */
    static final int MANY_HEADLINE_LINKS = 6;
    /** A date or a section label may come before a teaser's headline in its box; a paragraph may not. */
    static final int MAX_TEXT_BEFORE_HEADLINE = 60;
    /**
     * A teaser's excerpt is short: a long Drupal teaser (600 characters with spaces) fits, while 84% of
     * the corpus articles are longer, so a link that leads a whole article body is not taken for a teaser.
     */
    static final int MAX_TEASER_TEXT = 500;
    /** Shorter runs of text are labels and dates, not paragraphs (as for ContentFinder's candidates). */
    private static final int MIN_PARAGRAPH = 25;
    /** How far above a one-teaser content candidate the block of teasers around it is looked for. */
    private static final int BLOCK_LEVELS = 4;
    /** Ancestor walks stop here, as elsewhere in extraction: deep nesting must not cost quadratic time. */
    private static final int MAX_DEPTH = 60;

    /**
     * @param links    the page's headline links ({@link Listings#headlineLinks})
     * @param siteName the outlet's name, which a heading of the page is not taken for a headline
     */
    static PageShape measure(PageExtractor.Page page, Collection<Element> links, String siteName) {
        Element body = page.doc.body();
        DomStats stats = page.stats;
        LinksHeld held = new LinksHeld(links);
        List<Element> roots = aroundTeaser(ContentFinder.find(body, stats), held, stats);
        int chars = 0;
        double linkChars = 0;
        for (Element r : roots) {
            chars += stats.textLength(r);
            linkChars += stats.textLength(r) * stats.linkDensity(r);
        }
        List<Element> boxes = teaserBoxes(links, roots, held, stats);
        int teaserText = 0;
        for (Element box : boxes) teaserText += runningText(box, stats);
        String site = page.meta.siteName() != null ? page.meta.siteName() : siteName;
        return new PageShape(stats.anchors(body), stats.linkDensity(body), links.size(), boxes.size(),
                teaserText, (int) Math.round(chars - linkChars), chars == 0 ? 0 : linkChars / chars,
                hasHeadline(roots, stats, site == null ? "" : ArabicText.matchingKey(site)),
                page.meta.declaresArticle(), page.meta.articleBody() != null);
    }

    /** Whether the page lists other pages rather than being an article itself. */
    boolean isIndex() {
        // an index does not carry one article's text in its JSON-LD, and a script-rendered article's
        // shell (a logo, a menu, a spinner) has little else to go by
        if (carriesArticleBody) return false;
        if (teaserColumn() || linkList()) return true;
        // the declaration outweighs a count of headline links anywhere on the page, which a related-links
        // box runs up, but not a main column that is teasers or links
        return !declaresArticle && manyHeadlines();
    }

    /** The main column is teasers: too little text beside them for an article or, with no headline, less than in them. */
    private boolean teaserColumn() {
        int outside = prose - teaserText;
        return teasers >= 2 && (outside < MIN_ARTICLE_TEXT || !headline && outside < teaserText);
    }

    /** Hardly any running text, mostly links, and no headline: a section front, a portal, a link list. */
    private boolean linkList() {
        return !headline && prose < MIN_ARTICLE_TEXT && (contentLinks >= 0.5 || linkShare >= 0.5);
    }

    /** Many headline links, and the content is not an article body with a few "read also" links in it. */
    private boolean manyHeadlines() {
        return headlineLinks >= MANY_HEADLINE_LINKS && !articleBody();
    }

    /** Long running text with few teasers in it (the thresholds automatic listings always had), or a headed short body. */
    private boolean articleBody() {
        if (prose > 1500 && teasers < 4 || prose > 600 && teasers < 2) return true;
        // a short article under its headline, its related-links block beside it
        return headline && teasers == 0 && contentLinks < 0.25 && prose >= MIN_ARTICLE_TEXT;
    }

    /** Why the page was taken for an index, in figures an operator can check against the page. */
    String why() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s, %d%% of its text in links",
                Plural.of(anchors, "link"), Math.round(linkShare * 100)));
        if (teaserColumn()) {
            b.append(", ").append(Plural.of(teasers, "teaser")).append(" and ")
                    .append(Plural.of(Math.max(0, prose - teaserText), "character")).append(" of other text in its main column");
        } else if (linkList()) {
            b.append(", ").append(Plural.of(prose, "character")).append(" of running text");
        } else {
            b.append(", ").append(Plural.of(headlineLinks, "headline link")).append(" and ")
                    .append(Plural.of(prose, "character")).append(" of running text");
        }
        if (!headline) b.append(", no headline");
        return b.toString();
    }

    /** A warning naming the page, why it was taken for an index, and what came of it. */
    String warning(URI pageUrl, String outcome, String sourceId) {
        return "page " + pageUrl + " looks like an index: " + why() + "; " + outcome + " (source " + sourceId + ")";
    }

    /**
     * How many headline links each element holds, and the first of them: one walk up from each link,
     * so the cost is linear in the links however they nest.
     */
    private static final class LinksHeld {
        private final Map<Element, Integer> count = new IdentityHashMap<>();
        private final Map<Element, Element> first = new IdentityHashMap<>();

        LinksHeld(Collection<Element> links) {
            for (Element a : links) {
                Element e = a;
                for (int i = 0; e != null && i < MAX_DEPTH; i++, e = e.parent()) {
                    count.merge(e, 1, Integer::sum);
                    first.putIfAbsent(e, a);
                }
            }
        }

        int count(Element el) {
            return el == null ? 0 : count.getOrDefault(el, 0);
        }

        Element first(Element el) {
            return first.get(el);
        }
    }

    /**
     * A content candidate that is one teaser stands for the block of teasers around it: on a front page
     * with two or three cards the best-scored card wins over the column that holds them.
     */
    private static List<Element> aroundTeaser(List<Element> roots, LinksHeld held, DomStats stats) {
        if (roots.size() != 1) return roots;
        Element box = roots.get(0);
        for (int i = 0; box != null && i < BLOCK_LEVELS && held.count(box) == 0; i++) box = box.parent();
        if (held.count(box) != 1 || !isTeaser(held.first(box), box, stats)) return roots;
        Element block = box.parent();
        for (int i = 0; block != null && i < BLOCK_LEVELS && held.count(block) < 2; i++) block = block.parent();
        return held.count(block) < 2 || block.nameIs("html") ? roots : List.of(block);
    }

    /**
     * The boxes of the headline links in the content that are teasers. A link's box is the largest
     * element around it, within the content, that holds no other headline link: a card (thumbnail,
     * headline, excerpt) is one box, and a "read also" link in an article's text gets its paragraph or
     * its section.
     */
    private static List<Element> teaserBoxes(Collection<Element> links, List<Element> roots, LinksHeld held,
                                             DomStats stats) {
        Set<Element> rootSet = Collections.newSetFromMap(new IdentityHashMap<>());
        rootSet.addAll(roots);
        List<Element> boxes = new ArrayList<>();
        for (Element a : links) {
            Element box = a;
            for (int i = 0; i < MAX_DEPTH && !rootSet.contains(box) && held.count(box.parent()) == 1; i++) {
                box = box.parent();
            }
            if (inside(box, rootSet) && isTeaser(a, box, stats)) boxes.add(box);
        }
        return boxes;
    }

    /**
     * A teaser is its headline link leading one short paragraph at most: a link after a paragraph ends a
     * section of an article, and one before several paragraphs, or a long one, opens an article's text.
     */
    private static boolean isTeaser(Element link, Element box, DomStats stats) {
        return runningText(box, stats) <= MAX_TEASER_TEXT && paragraphs(box) <= 1
                && textBefore(link, box) < MAX_TEXT_BEFORE_HEADLINE;
    }

    /** Elements holding a paragraph's worth of running text themselves (p, or a div of text and br), up to 2. */
    private static int paragraphs(Element box) {
        int[] n = {0};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element e)) return FilterResult.SKIP_ENTIRELY;
                if (e.nameIs("a")) return FilterResult.SKIP_ENTIRELY;
                int own = 0;
                for (TextNode t : e.textNodes()) own += DomStats.visibleLength(t.getWholeText());
                if (own >= MIN_PARAGRAPH) n[0]++;
                return n[0] > 1 ? FilterResult.STOP : FilterResult.CONTINUE;
            }
        }, box);
        return n[0];
    }

    private static boolean inside(Element el, Set<Element> roots) {
        Element e = el;
        for (int i = 0; e != null && i < MAX_DEPTH; i++, e = e.parent()) if (roots.contains(e)) return true;
        return false;
    }

    /** Running text (outside links) in box before the link, counted no further than needed. */
    private static int textBefore(Element link, Element box) {
        int[] n = {0};
        boolean[] reached = {false};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node == link) {
                    reached[0] = true;
                    return FilterResult.STOP;
                }
                if (node instanceof Element e && e.nameIs("a")) return FilterResult.SKIP_ENTIRELY;
                if (node instanceof TextNode t) n[0] += DomStats.visibleLength(t.getWholeText());
                return n[0] >= MAX_TEXT_BEFORE_HEADLINE ? FilterResult.STOP : FilterResult.CONTINUE;
            }
        }, box);
        return reached[0] ? n[0] : MAX_TEXT_BEFORE_HEADLINE;
    }

    private static int runningText(Element el, DomStats stats) {
        return (int) Math.round(stats.textLength(el) * (1 - stats.linkDensity(el)));
    }

    /** A heading of three words or more with the content, not a link, not chrome, not the site's name. */
    private static boolean hasHeadline(List<Element> roots, DomStats stats, String siteKey) {
        Element scope = PageExtractor.articleScope(roots);
        for (Element h : scope.select("h1, h2, h3")) {
            String t = h.text().strip();
            if (t.isEmpty() || t.split("\\s+").length < 3) continue;
            if (stats.linkDensity(h) >= 0.5 || inLink(h)) continue;
            if (Hints.inUnlikely(h, 30) || Listings.inChrome(h)) continue;
            if (!siteKey.isEmpty() && ArabicText.matchingKey(t).equals(siteKey)) continue;
            return true;
        }
        return false;
    }

    /** Inside an a element: a teaser's heading wrapped in its link (a card that is one big link). */
    private static boolean inLink(Element el) {
        Element e = el.parent();
        for (int i = 0; e != null && i < MAX_DEPTH; i++, e = e.parent()) if (e.nameIs("a")) return true;
        return false;
    }
}
