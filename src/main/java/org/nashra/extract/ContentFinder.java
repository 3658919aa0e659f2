package org.nashra.extract;

import java.util.ArrayList;
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
 * like more of the same text.
 */
final class ContentFinder {
    private static final Set<String> PARAGRAPH_TAGS = Set.of("p", "pre", "td", "blockquote");
    private static final Set<String> TEXT_CONTAINERS = Set.of("div", "section", "article", "span", "font",
            "center", "main");

    private ContentFinder() {}

    /** The body's elements in document order; never empty (falls back to {@code body}). */
    static List<Element> find(Element body, DomStats stats) {
        // jsoup elements compare by identity; insertion order keeps ties deterministic (first wins)
        Map<Element, Double> scores = new LinkedHashMap<>();
        for (Element el : body.getAllElements()) {
            if (!isParagraph(el)) continue;
            int len = stats.textLength(el);
            if (len < 25) continue;
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
        if (System.getenv("NASHRA_DEBUG") != null) finals.forEach((k, v) -> System.err.println(v + " " + k.tagName() + "." + k.className()));
        return withSiblings(top, topScore, finals, stats);
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
                if (len > 80 && ld < 0.25) out.add(sib);
                else if (len > 0 && ld == 0 && endsSentence(sib.text())) out.add(sib);
            }
        }
        return out;
    }

    private static boolean isParagraph(Element el) {
        if (PARAGRAPH_TAGS.contains(el.normalName())) return true;
        if (!TEXT_CONTAINERS.contains(el.normalName())) return false;
        // divs used as paragraphs (text and <br> directly inside) count like <p>
        int direct = 0;
        for (Node n : el.childNodes()) {
            if (n instanceof TextNode t) direct += DomStats.visibleLength(t.getWholeText());
        }
        return direct >= 25;
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
