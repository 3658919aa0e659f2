package org.nashra.publish;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What a browser rendering a published field as HTML could execute or be sent to. */
final class Unsafe {
    private static final Set<String> TAGS = Set.of("script", "style", "iframe", "frame", "frameset", "object",
            "embed", "applet", "form", "input", "button", "textarea", "select", "svg", "math", "meta", "link",
            "base", "noscript", "template", "video", "audio", "source", "isindex", "details");
    private static final Set<String> ATTRIBUTES = Set.of("style", "srcdoc", "formaction", "action", "xlink:href",
            "background", "srcset", "data", "poster", "dynsrc", "lowsrc", "content", "http-equiv");
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "cite");

    private Unsafe() {}

    /** Every dangerous element, attribute or URL in {@code html}, described; empty when safe. */
    static List<String> findings(String html) {
        List<String> found = new ArrayList<>();
        if (html == null) return found;
        for (Element e : Jsoup.parse(html).getAllElements()) {
            String tag = e.normalName();
            if (TAGS.contains(tag)) found.add("<" + tag + ">");
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                if (name.startsWith("on")) found.add(tag + "@" + name);
                if (ATTRIBUTES.contains(name)) found.add(tag + "@" + name);
                if (URL_ATTRIBUTES.contains(name) && !safeUrl(a.getValue())) found.add(tag + "@" + name + "=" + a.getValue());
            }
        }
        return found;
    }

    /** Whether a link target is http, https or mailto, after removing what browsers ignore. */
    static boolean safeUrl(String url) {
        StringBuilder s = new StringBuilder();
        for (char c : url.toCharArray()) if (c > ' ') s.append(c);
        String v = s.toString().toLowerCase(Locale.ROOT);
        return v.startsWith("http://") || v.startsWith("https://") || v.startsWith("mailto:");
    }

    /** Whether a feed-level URL (entry link, enclosure, image) is absolute http(s). */
    static boolean httpUrl(String url) {
        String v = url.toLowerCase(Locale.ROOT);
        return v.startsWith("http://") || v.startsWith("https://");
    }
}
