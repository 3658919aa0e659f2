package org.nashra.extract;

import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * One visual line of a region: the text between two block boundaries or line breaks.
 *
 * @param text    display text
 * @param nodes   the text nodes (and, for an image line, the img element) it was made of
 * @param block   the innermost block element around it
 * @param href    the link when the line is (almost) all one anchor's text, else null
 * @param heading true for h1-h6 or a line entirely in bold
 * @param image   the image URL for an image-only line, else null
 * @param linkText the anchor's own text when {@code href} is set (a headline without its date), else null
 */
record TextLine(String text, List<Node> nodes, Element block, String href, boolean heading, String image,
                String linkText) {
    TextLine {
        nodes = List.copyOf(nodes);
    }

    boolean isImage() {
        return image != null;
    }

    int words() {
        return text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }
}
