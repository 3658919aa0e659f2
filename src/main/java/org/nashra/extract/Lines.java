package org.nashra.extract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.nashra.text.ArabicText;

/** Splits regions of a page into lines at block boundaries and line breaks, iteratively. */
final class Lines {
    static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
            "blockquote", "section", "article", "header", "footer", "aside", "figure", "figcaption", "table",
            "tbody", "thead", "tr", "td", "th", "pre", "dl", "dt", "dd", "main", "nav", "form", "address", "hr",
            "center", "caption", "details", "summary", "amp-img", "picture", "body", "html");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    private Lines() {}

    static List<TextLine> of(List<? extends Node> roots) {
        Collector c = new Collector();
        for (Node root : roots) {
            NodeTraversor.traverse(c, root);
            c.flush();
        }
        return c.out;
    }

    private static final class Collector implements NodeVisitor {
        final List<TextLine> out = new ArrayList<>();
        final Deque<Element> blocks = new ArrayDeque<>();
        final StringBuilder buf = new StringBuilder();
        final StringBuilder linkBuf = new StringBuilder();
        final List<Node> nodes = new ArrayList<>();
        int anchorDepth;
        int boldDepth;
        int headingDepth;
        String href;
        String firstHref;
        boolean mixedHrefs;
        int chars;
        int linkChars;
        int boldChars;
        boolean inHeading;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
                String s = t.getWholeText();
                int visible = DomStats.visibleLength(s);
                if (visible == 0) {
                    if (buf.length() > 0) buf.append(' ');
                    if (anchorDepth > 0 && linkBuf.length() > 0) linkBuf.append(' ');
                    return;
                }
                buf.append(s);
                nodes.add(t);
                chars += visible;
                if (anchorDepth > 0) {
                    linkBuf.append(s);
                    linkChars += visible;
                    if (firstHref == null) firstHref = href;
                    else if (!firstHref.equals(href)) mixedHrefs = true;
                }
                if (boldDepth > 0 || headingDepth > 0) boldChars += visible;
                if (headingDepth > 0) inHeading = true;
                return;
            }
            if (!(node instanceof Element el)) return;
            String name = el.normalName();
            if (name.equals("br")) {
                flush();
                return;
            }
            if (name.equals("img") || name.equals("amp-img")) {
                flush();
                String src = Urls.resolveOrNull(el.baseUri(), RuleSelector.attrValue(el, "src"));
                if (src != null) out.add(new TextLine("", List.of(el), blocks.peek(), null, false, src, null));
            }
            if (BLOCKS.contains(name)) {
                flush();
                blocks.push(el);
            }
            if (name.equals("a")) {
                anchorDepth++;
                href = el.attr("href").isBlank() ? null : el.absUrl("href");
            }
            if (name.equals("strong") || name.equals("b")) boldDepth++;
            if (HEADINGS.contains(name)) headingDepth++;
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element el)) return;
            String name = el.normalName();
            if (name.equals("a")) anchorDepth--;
            if (name.equals("strong") || name.equals("b")) boldDepth--;
            if (HEADINGS.contains(name)) headingDepth--;
            if (BLOCKS.contains(name)) {
                flush();
                if (!blocks.isEmpty()) blocks.pop();
            }
        }

        void flush() {
            if (chars > 0) {
                String text = ArabicText.display(buf.toString().replace('\n', ' '));
                if (!text.isEmpty()) {
                    String link = !mixedHrefs && firstHref != null && linkChars >= chars * 0.7 ? firstHref : null;
                    boolean heading = inHeading || boldChars >= chars * 0.9;
                    String anchor = link == null ? null : ArabicText.display(linkBuf.toString().replace('\n', ' '));
                    out.add(new TextLine(text, nodes, blocks.peek(), link, heading, null, anchor));
                }
            }
            buf.setLength(0);
            linkBuf.setLength(0);
            nodes.clear();
            chars = 0;
            linkChars = 0;
            boldChars = 0;
            firstHref = null;
            mixedHrefs = false;
            inHeading = false;
        }
    }
}
