package org.nashra.publish;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import java.net.URI;
import java.util.Locale;

/**
 * Allowlist HTML sanitizer for everything Nashra publishes.
 *
 * <p>Based on jsoup's {@code relaxed} list (text structure, lists, tables, links, images) plus
 * {@code dir}/{@code lang} on every element, because Arabic text needs its direction marked.
 * Everything else is dropped: script, style, iframe, object, embed, form, svg, meta, base,
 * {@code on*} handlers, {@code style} and {@code class} attributes. Links may only be
 * http/https/mailto, images and citations only http/https: {@code data:} URLs are refused too,
 * including {@code data:image}, since an SVG data URL opened on its own runs script and inline
 * images bloat every poll. Relative URLs are resolved against the item's URL; a relative URL with
 * no usable base is dropped rather than published pointing at our own host.
 */
public final class HtmlSanitizer {

    private static final Safelist SAFELIST = Safelist.relaxed()
            .addTags("figure", "figcaption", "hr", "abbr", "mark", "s", "del", "ins", "bdi", "bdo", "time")
            .addAttributes(":all", "dir", "lang", "title")
            .addAttributes("abbr", "title")
            .addAttributes("time", "datetime")
            .removeProtocols("a", "href", "ftp")
            .addEnforcedAttribute("a", "rel", "noopener noreferrer")
            .preserveRelativeLinks(false);

    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings()
            .prettyPrint(false)
            .escapeMode(org.jsoup.nodes.Entities.EscapeMode.xhtml)
            .charset("UTF-8");

    private HtmlSanitizer() {}

    /**
     * Returns the safe subset of {@code html} as an HTML fragment with absolute URLs.
     *
     * @param html    untrusted HTML, may be null
     * @param baseUrl the URL of the page the HTML came from, used for relative links; may be null
     */
    public static String sanitize(String html, String baseUrl) {
        Document dirty = Jsoup.parseBodyFragment(XmlChars.clean(html), usableBase(baseUrl));
        return clean(dirty);
    }

    /** Cleans a document built in this package (its body is the fragment); see {@link #sanitize}. */
    static String clean(Document dirty) {
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        // An image whose src was refused is an empty box for the reader.
        clean.body().select("img:not([src])").remove();
        clean.outputSettings(OUTPUT.clone());
        return clean.body().html();
    }

    /**
     * Plain text of something that should have been text: markup is removed and entities decoded,
     * repeatedly, so that double-escaped markup ({@code &lt;script&gt;}) cannot come back as a tag
     * in a reader that treats a text field as HTML.
     */
    public static String toPlainText(String text) {
        if (text == null) return "";
        String current = XmlChars.clean(text);
        for (int i = 0; i < 4; i++) {
            String next = Jsoup.parseBodyFragment(current).body().text();
            if (next.equals(current)) break;
            current = next;
        }
        return current.strip();
    }

    /** The URL if it is an absolute http(s) URL, otherwise null: only such URLs become links. */
    static String httpUrlOrNull(String url) {
        if (url == null) return null;
        String trimmed = url.strip();
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme();
            if (scheme == null || uri.getHost() == null) return null;
            String s = scheme.toLowerCase(Locale.ROOT);
            return s.equals("http") || s.equals("https") ? uri.toASCIIString() : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static String usableBase(String baseUrl) {
        String base = httpUrlOrNull(baseUrl);
        return base == null ? "" : base;
    }

    /** Appends {@code html}, parsed in the context of {@code parent}, so stray end tags stay inside it. */
    static void appendFragment(Element parent, String html) {
        parent.append(XmlChars.clean(html));
    }
}
