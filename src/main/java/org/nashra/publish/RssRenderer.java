package org.nashra.publish;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Content;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Enclosure;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jsoup.nodes.Entities;

import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * RSS 2.0 through Rome. Self, hub and paging links are atom:link elements (the RSS Advisory
 * Board's recommendation), added to Rome's JDOM tree since Rome has no model for them.
 */
final class RssRenderer {

    static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");
    static final Namespace MEDIA = Namespace.getNamespace("media", "http://search.yahoo.com/mrss/");
    static final String SPEC = "https://www.rssboard.org/rss-specification";

    private RssRenderer() {}

    static byte[] render(FeedDocument doc, List<EntryContent> entries) {
        Channel channel = new Channel("rss_2.0");
        channel.setTitle(HtmlSanitizer.toPlainText(doc.title()));
        // link is required: the site page, or the feed itself when the feed has no page.
        channel.setLink((doc.siteUrl() != null ? doc.siteUrl() : doc.selfUrl(FeedFormat.RSS)).toString());
        channel.setDescription(HtmlSanitizer.toPlainText(doc.description()));
        channel.setLanguage(FeedWriter.LANGUAGE);
        channel.setLastBuildDate(Date.from(doc.updated()));
        channel.setPubDate(Date.from(doc.updated()));
        channel.setGenerator(FeedWriter.GENERATOR);
        channel.setDocs(SPEC);
        // minutes a reader may cache the channel before refreshing it; the web stage sends the same
        // figure as Cache-Control max-age. Atom and JSON Feed 1.1 have no such element.
        if (doc.ttl() != null) channel.setTtl(Math.toIntExact(doc.ttl().toMinutes()));
        List<Item> items = new ArrayList<>(entries.size());
        for (EntryContent e : entries) items.add(item(e));
        channel.setItems(items);
        return XmlBytes.of(withMedia(withAtomLinks(toJdom(channel, doc), doc), entries));
    }

    /**
     * Each image also as Media RSS {@code media:content}: many readers take an item's picture
     * from there rather than from an enclosure, whose length we cannot give.
     */
    private static Document withMedia(Document xml, List<EntryContent> entries) {
        Element rss = xml.getRootElement();
        Element channel = rss.getChild("channel", rss.getNamespace());
        List<Element> items = channel.getChildren("item", channel.getNamespace());
        boolean any = false;
        for (int i = 0; i < items.size() && i < entries.size(); i++) {
            EntryContent e = entries.get(i);
            if (e.image() == null) continue;
            items.get(i).addContent(new Element("content", MEDIA).setAttribute("url", XmlChars.clean(e.image()))
                    .setAttribute("medium", "image").setAttribute("type", e.imageType()));
            any = true;
        }
        if (any) rss.addNamespaceDeclaration(MEDIA);
        return xml;
    }

    private static Item item(EntryContent e) {
        Item item = new Item();
        item.setTitle(e.title());
        if (e.link() != null) item.setLink(e.link());
        Guid guid = new Guid();
        guid.setPermaLink(false);
        guid.setValue(e.id());
        item.setGuid(guid);
        item.setPubDate(Date.from(e.published()));
        // Readers render description as HTML: escape the plain summary so it stays text.
        Description description = new Description();
        description.setType("text/html");
        description.setValue(Entities.escape(e.summary().isEmpty() ? e.title() : e.summary()));
        item.setDescription(description);
        Content content = new Content();
        content.setType(Content.HTML);
        content.setValue(e.contentHtml());
        item.setContent(content);
        List<Category> categories = new ArrayList<>();
        for (String c : e.categories()) {
            Category category = new Category();
            category.setValue(c);
            categories.add(category);
        }
        item.setCategories(categories);
        if (e.image() != null) {
            Enclosure enclosure = new Enclosure();
            enclosure.setUrl(e.image());
            enclosure.setType(e.imageType());
            enclosure.setLength(0); // unknown; RSS requires the attribute and 0 is the convention
            item.setEnclosures(List.of(enclosure));
        }
        if (e.author() != null) {
            // <author> must be an e-mail address in RSS 2.0; a name goes in dc:creator.
            DCModule dc = new DCModuleImpl();
            dc.setCreator(e.author());
            List<Module> modules = new ArrayList<>(item.getModules());
            modules.add(dc);
            item.setModules(modules);
        }
        return item;
    }

    private static Document toJdom(Channel channel, FeedDocument doc) {
        try {
            return new WireFeedOutput().outputJDom(channel);
        } catch (FeedException e) {
            throw new IllegalStateException("Rome could not write feed " + doc.feedId() + " as RSS: " + e.getMessage(), e);
        }
    }

    private static Document withAtomLinks(Document xml, FeedDocument doc) {
        Element rss = xml.getRootElement();
        rss.addNamespaceDeclaration(ATOM);
        Element channel = rss.getChild("channel", rss.getNamespace());
        List<Element> links = new ArrayList<>();
        String type = "application/rss+xml";
        links.add(atomLink("self", doc.selfUrl(FeedFormat.RSS), type));
        if (doc.hubUrl() != null) links.add(atomLink("hub", doc.hubUrl(), null));
        if (doc.nextUrl() != null) links.add(atomLink("next", page(doc.nextUrl()), type));
        if (doc.prevUrl() != null) links.add(atomLink("previous", page(doc.prevUrl()), type));
        Archive a = doc.archive();
        if (a != null) {
            if (a.current() != null) links.add(atomLink("current", page(a.current()), type));
            if (a.prevArchive() != null) links.add(atomLink("prev-archive", page(a.prevArchive()), type));
            if (a.nextArchive() != null) links.add(atomLink("next-archive", page(a.nextArchive()), type));
            if (a.complete()) links.add(new Element("archive", "fh", Archive.NAMESPACE));
        }
        Element firstItem = channel.getChild("item", channel.getNamespace());
        int at = firstItem == null ? channel.getContentSize() : channel.indexOf(firstItem);
        channel.addContent(at, links);
        return xml;
    }

    private static URI page(URI withoutExtension) {
        return FeedDocument.withExtension(withoutExtension, FeedFormat.RSS);
    }

    private static Element atomLink(String rel, URI href, String type) {
        Element link = new Element("link", ATOM)
                .setAttribute("href", XmlChars.clean(href.toString()))
                .setAttribute("rel", rel);
        if (type != null) link.setAttribute("type", type);
        return link;
    }
}
