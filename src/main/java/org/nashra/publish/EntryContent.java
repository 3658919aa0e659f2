package org.nashra.publish;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What every format publishes for one story, computed once so the three formats agree: the
 * sanitized content HTML, plain-text title and summary, safe links, categories and image.
 */
record EntryContent(String id, String title, String summary, String contentHtml, String link,
                    String author, List<String> categories, String image, String imageType,
                    Instant published, Instant updated, List<SourceRef> sources) {

    /** Heading of the list of outlets ("sources"); the list has every outlet, representative first. */
    static final String SOURCES_HEADING = "المصادر";
    /** "Wire agency: " before the credited agency's name. */
    static final String AGENCY_LABEL = "وكالة الأنباء: ";

    static EntryContent of(StoryView story) {
        String link = HtmlSanitizer.httpUrlOrNull(story.link());
        String image = HtmlSanitizer.httpUrlOrNull(story.image());
        String author = HtmlSanitizer.toPlainText(story.author());
        if (author.isEmpty() && !story.sources().isEmpty()) {
            author = HtmlSanitizer.toPlainText(story.sources().get(0).sourceName());
        }
        return new EntryContent(
                XmlChars.clean(story.tagId()).strip(),
                HtmlSanitizer.toPlainText(story.title()),
                HtmlSanitizer.toPlainText(story.summary()),
                contentHtml(story, link),
                link,
                author.isEmpty() ? null : author,
                categories(story),
                image,
                image == null ? null : MediaTypes.imageTypeOf(image),
                seconds(story.published()),
                seconds(story.updated()),
                story.sources());
    }

    /**
     * The body in an RTL block, then the list of every outlet that carried the story. Built as a
     * DOM (so the body cannot close our wrapper) and sanitized as a whole, last.
     */
    private static String contentHtml(StoryView story, String link) {
        Document doc = bodyDocument(story, link);
        if (!story.sources().isEmpty()) {
            Element list = rtlBlock(doc.body());
            list.appendElement("p").appendElement("strong")
                    .text(SOURCES_HEADING);
            Element ul = list.appendElement("ul");
            for (SourceRef ref : story.sources()) {
                Element li = ul.appendElement("li");
                String name = outletName(ref);
                String url = HtmlSanitizer.httpUrlOrNull(ref.url());
                Element label = url == null ? li.appendElement("strong") : li.appendElement("a").attr("href", url);
                label.text(name);
                String title = HtmlSanitizer.toPlainText(ref.title());
                if (!title.isEmpty()) li.appendText(": " + title);
            }
            // the wire credit the outlets' copies carry: readers weigh agency copy differently
            String agency = story.agency() == null ? "" : HtmlSanitizer.toPlainText(story.agency());
            if (!agency.isEmpty()) list.appendElement("p").text(AGENCY_LABEL + agency);
        }
        return HtmlSanitizer.clean(doc);
    }

    /**
     * The story's body alone, as every format publishes it: sanitized, in an RTL block, its
     * relative links and images resolved against the story's link. The JSON API carries this and
     * lists the outlets as data.
     */
    static String bodyHtml(StoryView story) {
        return HtmlSanitizer.clean(bodyDocument(story, HtmlSanitizer.httpUrlOrNull(story.link())));
    }

    /** A document whose base is the story's link, holding its body in an RTL block. */
    private static Document bodyDocument(StoryView story, String link) {
        Document doc = Jsoup.parseBodyFragment("", link == null ? "" : link);
        Element body = rtlBlock(doc.body());
        HtmlSanitizer.appendFragment(body, story.contentHtml());
        return doc;
    }

    private static Element rtlBlock(Element parent) {
        return parent.appendElement("div").attr("dir", "rtl").attr("lang", "ar");
    }

    /** The story's categories, then its agency; blanks and repeats dropped, order kept. */
    private static List<String> categories(StoryView story) {
        Set<String> out = new LinkedHashSet<>();
        for (String c : story.categories()) add(out, c);
        add(out, story.agency());
        return List.copyOf(new ArrayList<>(out));
    }

    private static void add(Set<String> out, String value) {
        String text = HtmlSanitizer.toPlainText(value);
        if (!text.isEmpty()) out.add(text);
    }

    /** Every format shows whole seconds; truncating once keeps them identical. */
    private static Instant seconds(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The outlet name to show for a source reference. */
    static String outletName(SourceRef ref) {
        String name = HtmlSanitizer.toPlainText(ref.sourceName());
        return name.isEmpty() ? HtmlSanitizer.toPlainText(ref.sourceId()) : name;
    }
}
