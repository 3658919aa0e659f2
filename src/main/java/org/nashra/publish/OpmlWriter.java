package org.nashra.publish;

import com.rometools.rome.io.impl.DateParser;
import org.jdom2.Document;
import org.jdom2.Element;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * OPML 2.0 (http://opml.org/spec2.opml) for {@code /sources.opml} and {@code /feeds.opml}.
 * Outlines with a category sit in a folder outline named after their first category, which is
 * how Miniflux, FreshRSS and NetNewsWire import categories; all categories are also in the
 * {@code category} attribute. Order is kept as given, so the output is deterministic.
 */
public final class OpmlWriter {

    static final String SPEC = "http://opml.org/spec2.opml";

    private OpmlWriter() {}

    /**
     * @param title       the document title
     * @param dateCreated written as RFC 822 (OPML 2.0 requires it), pass the data's time, not now,
     *                    to keep the bytes stable
     */
    public static byte[] write(String title, Instant dateCreated, List<OpmlOutline> outlines) {
        Objects.requireNonNull(outlines, "outlines of OPML " + title);
        Element head = new Element("head");
        head.addContent(new Element("title").setText(XmlChars.clean(HtmlSanitizer.toPlainText(title))));
        if (dateCreated != null) {
            head.addContent(new Element("dateCreated").setText(DateParser.formatRFC822(Date.from(dateCreated), Locale.US)));
        }
        head.addContent(new Element("docs").setText(SPEC));
        Element body = new Element("body");
        Map<String, Element> folders = new LinkedHashMap<>();
        for (OpmlOutline o : outlines) {
            Element outline = outline(o);
            if (o.categories().isEmpty()) {
                body.addContent(outline);
            } else {
                folders.computeIfAbsent(o.categories().get(0), c -> {
                    Element folder = new Element("outline").setAttribute("text", XmlChars.clean(c));
                    body.addContent(folder);
                    return folder;
                }).addContent(outline);
            }
        }
        Element opml = new Element("opml").setAttribute("version", "2.0");
        opml.addContent(head).addContent(body);
        return XmlBytes.of(new Document(opml));
    }

    private static Element outline(OpmlOutline o) {
        String name = XmlChars.clean(HtmlSanitizer.toPlainText(o.title()));
        Element e = new Element("outline").setAttribute("text", name).setAttribute("title", name);
        if (o.xmlUrl() != null) {
            e.setAttribute("type", "rss").setAttribute("xmlUrl", XmlChars.clean(o.xmlUrl()));
            if (o.htmlUrl() != null) e.setAttribute("htmlUrl", XmlChars.clean(o.htmlUrl()));
            String version = version(o.type());
            if (version != null) e.setAttribute("version", version);
        } else {
            // OPML 2.0 section "link": an outline that points at a page rather than a feed.
            e.setAttribute("type", "link").setAttribute("url", XmlChars.clean(o.htmlUrl()))
                    .setAttribute("htmlUrl", XmlChars.clean(o.htmlUrl()));
        }
        if (o.description() != null && !o.description().isBlank()) {
            e.setAttribute("description", XmlChars.clean(HtmlSanitizer.toPlainText(o.description())));
        }
        if (!o.categories().isEmpty()) {
            e.setAttribute("category", o.categories().stream().map(c -> "/" + XmlChars.clean(c))
                    .collect(Collectors.joining(",")));
        }
        return e;
    }

    /** OPML's {@code version} attribute names the feed format where we know it. */
    private static String version(String type) {
        if (type == null) return null;
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "rss" -> "RSS2";
            case "atom" -> "atom";
            case "json" -> "json";
            default -> null;
        };
    }
}
