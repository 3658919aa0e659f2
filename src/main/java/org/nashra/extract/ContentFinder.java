package org.nashra.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Readability-style detection of the article body: paragraphs score their ancestors by length
 * and punctuation (Arabic comma, semicolon and question mark count), candidates are weighted by
 * class hints and penalised by link density, and the best one's siblings join when they look
 * like more of the same text. Blocks of prose that an ad, a figure or a "read also" box split off
 * the best one join too (see {@link #withContinuations}).
 */
final class ContentFinder {
    private static final Set<String> PARAGRAPH_TAGS = Set.of("p", "pre", "td", "blockquote");
    private static final Set<String> TEXT_CONTAINERS = Set.of("div", "section", "article", "span", "font",
            "center", "main");
    /** Shorter runs of text are labels and dates, not paragraphs. */
    private static final int MIN_PARAGRAPH = 25;
    /** A sibling paragraph this long with few links is prose whatever it ends with (readability's rule). */
    private static final int LONG_PARAGRAPH = 80;
    /** Readability's limit for a sibling paragraph: more of its text in links and it is a link list. */
    private static final double MAX_PROSE_LINKS = 0.25;
    /** A block mostly links ("read also", tags, related stories) is something the text flows around. */
    private static final double MIN_LINK_LIST = 0.5;
    /** Wrappers a page builder puts around one block of text (Drupal Paragraphs nests three deep). */
    private static final int MAX_WRAPPERS = 4;
    /** How many paragraphs of a block are read to tell prose from labels and teasers. */
    private static final int MAX_PARAGRAPHS_READ = 20;
    private static final String MEDIA = "img, picture, video, iframe, figure, amp-img, amp-iframe, object, embed";

    private ContentFinder() {}

    /** The body's elements in document order; never empty (falls back to {@code body}). */
    static List<Element> find(Element body, DomStats stats) {
        // jsoup elements compare by identity; insertion order keeps ties deterministic (first wins)
        Map<Element, Double> scores = new LinkedHashMap<>();
        for (Element el : body.getAllElements()) {
            if (!isParagraph(el)) continue;
            int len = stats.textLength(el);
            if (len < MIN_PARAGRAPH) continue;
            if (Hints.inUnlikely(el, 30)) continue;
            double score = 1 + punctuation(el) + Math.min(len / 100.0, 3);
            if (!PARAGRAPH_TAGS.contains(el.normalName())) {
                // a div holding text lines itself (separated by <br>) competes with its parent, so a
                // page whose text sits in one div directly under <body> does not take the whole body
                scores.merge(el, score, Double::sum);
            }
            Element ancestor = el.parent();
            for (int level = 0; ancestor != null && level < 3; level++, ancestor = ancestor.parent()) {
                if (ancestor.nameIs("html")) break;
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores.merge(ancestor, score / divider + 0.0, Double::sum);
            }
        }
        Element top = null;
        double topScore = 0;
        Map<Element, Double> finals = new LinkedHashMap<>();
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            Element c = e.getKey();
            double s = (e.getValue() + initial(c)) * (1 - stats.linkDensity(c));
            finals.put(c, s);
            if (top == null || s > topScore) {
                top = c;
                topScore = s;
            }
        }
        if (top == null) return List.of(body);
        return withContinuations(top, withSiblings(top, topScore, finals, stats), stats);
    }

    private static List<Element> withSiblings(Element top, double topScore, Map<Element, Double> finals,
                                              DomStats stats) {
        Element parent = top.parent();
        if (parent == null || top.nameIs("body")) return List.of(top);
        List<Element> out = new ArrayList<>();
        double threshold = Math.max(10, topScore * 0.2);
        for (Element sib : parent.children()) {
            if (sib == top) {
                out.add(sib);
                continue;
            }
            if (Hints.isUnlikely(sib)) continue;
            double bonus = !top.className().isEmpty() && top.className().equals(sib.className()) ? topScore * 0.2 : 0;
            Double s = finals.get(sib);
            if (s != null && s + bonus >= threshold) {
                out.add(sib);
            } else if (sib.nameIs("p")) {
                int len = stats.textLength(sib);
                double ld = stats.linkDensity(sib);
                if (len > LONG_PARAGRAPH && ld < MAX_PROSE_LINKS) out.add(sib);
                else if (len > 0 && ld == 0 && endsSentence(sib.text())) out.add(sib);
            }
        }
        return out;
    }

    /**
     * The roots with the blocks of prose the article's text continues in before and after the best
     * candidate: a CMS or page builder splits a body into blocks of its own around an inline ad, a
     * figure or a "read also" box, and a short lead or closing block scores too little to join as a
     * sibling. From the outermost wrapper around the candidate that holds no other text, the walk goes
     * each way over such interruptions, takes blocks of prose, and stops at anything else: a header with
     * the headline, teasers ("أخبار أخرى"), comments, an author box.
     */
    private static List<Element> withContinuations(Element top, List<Element> roots, DomStats stats) {
        if (top.nameIs("body")) return roots;
        Element block = outermostWrapper(top, stats);
        Element parent = block.parent();
        if (parent == null) return roots;
        Set<Element> joined = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element sib = block.previousElementSibling(); sib != null; sib = sib.previousElementSibling()) {
            if (isProse(sib, stats)) joined.add(sib);
            else if (!isInterruption(sib, stats)) break;
        }
        for (Element sib = block.nextElementSibling(); sib != null; sib = sib.nextElementSibling()) {
            if (isProse(sib, stats)) joined.add(sib);
            else if (!isInterruption(sib, stats)) break;
        }
        if (joined.isEmpty()) return roots;
        Set<Element> rootSet = Collections.newSetFromMap(new IdentityHashMap<>());
        rootSet.addAll(roots);
        List<Element> out = new ArrayList<>();
        for (Element sib : parent.children()) {
            if (sib == block) {
                // below a wrapper every root is inside it; at the candidate's own level they are its siblings
                if (block == top) out.add(top);
                else out.addAll(roots);
            } else if (joined.contains(sib) || block == top && rootSet.contains(sib)) {
                out.add(sib);
            }
        }
        return out;
    }

    /** The candidate, or the outermost of the wrappers around it that add no text of their own. */
    private static Element outermostWrapper(Element top, DomStats stats) {
        Element block = top;
        for (int i = 0; i < MAX_WRAPPERS; i++) {
            Element p = block.parent();
            if (p == null || p.nameIs("body") || p.nameIs("html")) break;
            if (stats.textLength(p) != stats.textLength(block)) break;
            block = p;
        }
        return block;
    }

    /**
     * More of the article's text: not chrome by its name, few links, no headline of the page and no
     * teaser headlines, and a paragraph of prose in it (labels, dates and bylines are not).
     */
    private static boolean isProse(Element el, DomStats stats) {
        if (Hints.isUnlikely(el) || stats.linkDensity(el) >= MAX_PROSE_LINKS) return false;
        if (el.nameIs("h1") || el.selectFirst("h1") != null) return false;
        for (Element h : el.select("h2, h3, h4, h5, h6")) {
            // a teaser's headline is its link, or sits in the link that is the whole card
            if (stats.linkDensity(h) >= MIN_LINK_LIST || h.closest("a") != null) return false;
        }
        return holdsProse(el, stats);
    }

    /** What text flows around: little running text (an ad, a share bar), mostly links, or media with a caption. */
    private static boolean isInterruption(Element el, DomStats stats) {
        double links = stats.linkDensity(el);
        if (stats.textLength(el) * (1 - links) < MIN_PARAGRAPH || links >= MIN_LINK_LIST) return true;
        boolean media = el.is(MEDIA) || el.selectFirst(MEDIA) != null;
        return media && !holdsProse(el, stats);
    }

    /**
     * A paragraph (p, or a div of text and br) outside chrome that is prose as a sibling paragraph is:
     * long with few links, or ending a sentence. Length counts on its own because one in seven last
     * paragraphs of the corpus articles has no closing stop. The first few paragraphs decide: each
     * reads its whole subtree, which nested text divs would make quadratic.
     */
    private static boolean holdsProse(Element el, DomStats stats) {
        int seen = 0;
        for (Element e : el.getAllElements()) {
            int len = stats.textLength(e);
            if (!isParagraph(e) || len < MIN_PARAGRAPH) continue;
            if (Hints.inUnlikely(e, 30)) continue;
            if (len > LONG_PARAGRAPH && stats.linkDensity(e) < MAX_PROSE_LINKS || endsSentence(e.text())) return true;
            if (++seen == MAX_PARAGRAPHS_READ) return false;
        }
        return false;
    }

    private static boolean isParagraph(Element el) {
        if (PARAGRAPH_TAGS.contains(el.normalName())) return true;
        if (!TEXT_CONTAINERS.contains(el.normalName())) return false;
        // divs used as paragraphs (text and <br> directly inside) count like <p>
        int direct = 0;
        for (Node n : el.childNodes()) {
            if (n instanceof TextNode t) direct += DomStats.visibleLength(t.getWholeText());
        }
        return direct >= MIN_PARAGRAPH;
    }

    private static double punctuation(Element el) {
        int n = 0;
        for (Node node : el.childNodes()) {
            if (node instanceof TextNode t) {
                n += punctuation(t.getWholeText());
            } else if (node instanceof Element e) {
                // one level of inline markup (<strong>, <a>) without walking deep subtrees
                for (Node inner : e.childNodes()) {
                    if (inner instanceof TextNode t) n += punctuation(t.getWholeText());
                }
            }
        }
        return n;
    }

    private static int punctuation(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '،' || c == '؛' || c == '؟' || c == ';') n++;
        }
        return n;
    }

    private static double initial(Element el) {
        double s = Hints.classWeight(el);
        switch (el.normalName()) {
            case "div", "article", "main", "section" -> s += 5;
            case "pre", "td", "blockquote" -> s += 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> s -= 3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> s -= 5;
            default -> { }
        }
        return s;
    }

    static boolean endsSentence(String s) {
        String t = s.strip();
        if (t.isEmpty()) return false;
        char c = t.charAt(t.length() - 1);
        return c == '.' || c == '!' || c == '؟' || c == '?' || c == '"' || c == '»' || c == '”';
    }
}
