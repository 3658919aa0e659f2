package org.nashra.extract;

import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Text and link-text lengths of every element, computed in one iterative pass so that scoring
 * stays linear even on pathologically deep documents.
 */
final class DomStats {
    private final Map<Element, int[]> stats = new IdentityHashMap<>();

    DomStats(Element root) {
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {}

            @Override
            public void tail(Node node, int depth) {
                if (!(node instanceof Element el)) return;
                int text = 0;
                int link = 0;
                int anchors = el.nameIs("a") && el.hasAttr("href") ? 1 : 0;
                for (Node child : el.childNodes()) {
                    if (child instanceof TextNode t) {
                        text += visibleLength(t.getWholeText());
                    } else if (child instanceof Element c) {
                        int[] s = stats.get(c);
                        if (s != null) {
                            text += s[0];
                            link += s[1];
                            anchors += s[2];
                        }
                    }
                }
                if (el.nameIs("a")) link = text;
                stats.put(el, new int[] {text, link, anchors});
            }
        }, root);
    }

    int textLength(Element el) {
        int[] s = stats.get(el);
        return s == null ? 0 : s[0];
    }

    /** How many links (a[href]) the element holds, itself included. */
    int anchors(Element el) {
        int[] s = stats.get(el);
        return s == null ? 0 : s[2];
    }

    double linkDensity(Element el) {
        int[] s = stats.get(el);
        return s == null || s[0] == 0 ? 0 : (double) s[1] / s[0];
    }

    static int visibleLength(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i))) n++;
        }
        return n;
    }
}
