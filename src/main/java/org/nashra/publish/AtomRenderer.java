package org.nashra.publish;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Generator;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import org.jdom2.Document;
import org.jdom2.Namespace;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** Atom 1.0 (RFC 4287) through Rome, with xml:lang and paging links (RFC 5005) set. */
final class AtomRenderer {

    private AtomRenderer() {}

    static byte[] render(FeedDocument doc, List<EntryContent> entries) {
        Feed feed = new Feed("atom_1.0");
        feed.setId(XmlChars.clean(doc.tagId()));
        feed.setTitleEx(text(HtmlSanitizer.toPlainText(doc.title())));
        feed.setSubtitle(text(HtmlSanitizer.toPlainText(doc.description())));
        feed.setUpdated(date(doc.updated()));
        feed.setLanguage(FeedWriter.LANGUAGE);
        feed.setAuthors(List.of(person(FeedWriter.GENERATOR)));
        feed.setGenerator(generator());
        if (doc.siteUrl() != null) {
            feed.setAlternateLinks(List.of(link("alternate", doc.siteUrl().toString(), "text/html")));
        }
        feed.setOtherLinks(feedLinks(doc));
        List<Entry> out = new ArrayList<>(entries.size());
        for (EntryContent e : entries) out.add(entry(e));
        feed.setEntries(out);
        Document xml = withLanguage(toJdom(feed, doc));
        if (doc.archive() != null && doc.archive().complete()) {
            // RFC 4287's schema wants extension elements among the metadata, before the entries
            org.jdom2.Element root = xml.getRootElement();
            org.jdom2.Element firstEntry = root.getChild("entry", root.getNamespace());
            int at = firstEntry == null ? root.getContentSize() : root.indexOf(firstEntry);
            root.addContent(at, new org.jdom2.Element("archive", "fh", Archive.NAMESPACE));
        }
        return XmlBytes.of(xml);
    }

    private static List<Link> feedLinks(FeedDocument doc) {
        String type = FeedFormat.ATOM.contentType();
        List<Link> links = new ArrayList<>();
        links.add(link("self", doc.selfUrl(FeedFormat.ATOM).toString(), mediaType(type)));
        if (doc.hubUrl() != null) links.add(link("hub", doc.hubUrl().toString(), null));
        if (doc.nextUrl() != null) links.add(link("next", page(doc.nextUrl()), mediaType(type)));
        if (doc.prevUrl() != null) links.add(link("previous", page(doc.prevUrl()), mediaType(type)));
        Archive a = doc.archive();
        if (a != null) {
            if (a.current() != null) links.add(link("current", page(a.current()), mediaType(type)));
            if (a.prevArchive() != null) links.add(link("prev-archive", page(a.prevArchive()), mediaType(type)));
            if (a.nextArchive() != null) links.add(link("next-archive", page(a.nextArchive()), mediaType(type)));
        }
        return links;
    }

    private static Entry entry(EntryContent e) {
        Entry entry = new Entry();
        entry.setId(e.id());
        entry.setTitleEx(text(e.title()));
        if (e.link() != null) entry.setAlternateLinks(List.of(link("alternate", e.link(), "text/html")));
        if (e.image() != null) entry.setOtherLinks(List.of(link("enclosure", e.image(), e.imageType())));
        entry.setPublished(date(e.published()));
        entry.setUpdated(date(e.updated()));
        if (e.author() != null) entry.setAuthors(List.of(person(e.author())));
        List<Category> categories = new ArrayList<>();
        for (String c : e.categories()) {
            Category category = new Category();
            category.setTerm(c);
            categories.add(category);
        }
        entry.setCategories(categories);
        if (!e.summary().isEmpty()) entry.setSummary(text(e.summary()));
        Content content = new Content();
        content.setType("html");
        content.setValue(e.contentHtml());
        entry.setContents(List.of(content));
        return entry;
    }

    private static Document toJdom(Feed feed, FeedDocument doc) {
        try {
            return new WireFeedOutput().outputJDom(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("Rome could not write feed " + doc.feedId() + " as Atom: " + e.getMessage(), e);
        }
    }

    /** Rome 2.1 does not write Feed.language; RFC 4287 carries it as xml:lang on the root. */
    private static Document withLanguage(Document xml) {
        xml.getRootElement().setAttribute("lang", FeedWriter.LANGUAGE, Namespace.XML_NAMESPACE);
        return xml;
    }

    private static String page(URI withoutExtension) {
        return FeedDocument.withExtension(withoutExtension, FeedFormat.ATOM).toString();
    }

    private static String mediaType(String contentType) {
        int semi = contentType.indexOf(';');
        return semi < 0 ? contentType : contentType.substring(0, semi);
    }

    static Link link(String rel, String href, String type) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(XmlChars.clean(href));
        if (type != null) link.setType(type);
        return link;
    }

    private static Content text(String value) {
        Content c = new Content();
        c.setType("text");
        c.setValue(value);
        return c;
    }

    private static SyndPerson person(String name) {
        Person p = new Person();
        p.setName(name);
        return p;
    }

    private static Generator generator() {
        Generator g = new Generator();
        g.setValue(FeedWriter.GENERATOR);
        return g;
    }

    private static Date date(Instant instant) {
        return Date.from(instant);
    }
}
