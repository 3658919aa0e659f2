package org.nashra.extract;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Parsing untrusted HTML with bounded work, and dropping what never carries article text. */
final class HtmlInput {
    /** Real article pages are far below this; beyond it we read only the head of the page. */
    static final int MAX_CHARS = 3_000_000;
    private static final String NOISE = "script, style, noscript, iframe, frame, frameset, object, embed, svg, canvas, "
            + "template, input, button, select, textarea, link, video, audio, source, map, dialog";

    private HtmlInput() {}

    static Document parse(String html, URI pageUrl, List<String> warnings) {
        String input = html == null ? "" : html;
        if (input.length() > MAX_CHARS) {
            warnings.add(String.format(Locale.ROOT, "page %s is %d characters; only the first %d were read",
                    pageUrl, input.length(), MAX_CHARS));
            input = input.substring(0, MAX_CHARS);
        }
        return Jsoup.parse(input, pageUrl.toString());
    }

    /** Removes scripts, styles, embeds and small forms (comment and search forms, not ASP.NET page wrappers). */
    static void dropNoise(Document doc) {
        doc.select(NOISE).remove();
        for (Element form : doc.select("form")) {
            if (form.parent() != null && form.select("p").size() < 3) form.remove();
        }
    }
}
