package org.nashra.extract;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 through Rome, mapped to RawItems at once: no Rome type leaves
 * this class. Rome does the format work (its converters know every flavour); the raw JDOM elements
 * fill what Rome drops: dates it could not parse, media:* images, xml:base, ttl and skipHours.
 */
final class FeedRomeReader {
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String MEDIA = "http://search.yahoo.com/mrss/";
    private static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "gif", "webp", "avif", "svg");

    private static final Pattern EMAIL_WITH_NAME =
            Pattern.compile("\\S+@\\S+\\s*\\((.+)\\)\\s*");

    private FeedRomeReader() {}

    /** The document's own layout, for reading what Rome does not keep. */
    private record Layout(boolean atom, Element channel, List<Element> items) {}

    static Extraction read(String sourceId, Document doc, URI baseUrl) throws FeedException {
        Layout layout = layout(doc);
        List<String> warnings = new ArrayList<>();
        Duration ttl = layout.channel() == null ? null : ttl(layout.channel(), warnings);
        Set<Integer> skipHours = layout.channel() == null ? Set.of() : skipHours(layout.channel(), warnings);
        if (layout.channel() != null) {
            // Read above; Rome throws on one out-of-range <hour> or unknown <day> and would lose the whole feed.
            layout.channel().removeChildren("skipHours", layout.channel().getNamespace());
            layout.channel().removeChildren("skipDays", layout.channel().getNamespace());
        }
        SyndFeed feed = new SyndFeedInput().build(doc);

        List<SyndEntry> entries = feed.getEntries();
        boolean aligned = layout.items().size() == entries.size();
        if (!aligned) {
            warnings.add("the feed's raw items (" + layout.items().size() + ") do not line up with Rome's ("
                    + entries.size() + "): unparsed dates and media images are not read");
        }
        URI feedBase = feedBase(layout, feed, baseUrl);
        List<RawItem> items = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Element raw = aligned ? layout.items().get(i) : null;
            RawItem item = item(sourceId, entries.get(i), raw, layout.atom(), feedBase, i + 1, warnings);
            if (item != null) {
                items.add(item);
            }
        }
        String title = feed.getTitleEx() != null && "text".equals(feed.getTitleEx().getType())
                ? FeedHtml.plainText(feed.getTitle()) : FeedHtml.plainTitle(feed.getTitle());
        return new Extraction(title, items, List.of(), warnings, ttl, skipHours, false);
    }

    /** Checks the root is a feed Rome knows; the reason otherwise. */
    static String notAFeed(Document doc) {
        Element root = doc.getRootElement();
        String name = root.getName().toLowerCase(Locale.ROOT);
        switch (name) {
            case "rss" -> {
                return firstChild(root, "channel") == null ? "not a feed: <rss> has no <channel>" : null;
            }
            case "feed", "rdf" -> {
                return null;
            }
            case "html" -> {
                return "not a feed: the body is an HTML page (<" + root.getQualifiedName() + "> root element)";
            }
            default -> {
                return "not a feed: the XML root element is <" + root.getQualifiedName()
                        + ">, expected <rss>, <rdf:RDF> or <feed>";
            }
        }
    }

    private static Layout layout(Document doc) {
        Element root = doc.getRootElement();
        switch (root.getName()) {
            case "feed" -> {
                return new Layout(true, null, root.getChildren("entry", root.getNamespace()));
            }
            case "RDF" -> {
                // RSS 0.90 and 1.0: items are siblings of the channel, in the channel's namespace.
                Element channel = firstChild(root, "channel");
                Namespace ns = channel == null ? Namespace.NO_NAMESPACE : channel.getNamespace();
                return new Layout(false, channel, root.getChildren("item", ns));
            }
            default -> {
                Element channel = firstChild(root, "channel");
                if (channel == null) {
                    return new Layout(false, null, List.of());
                }
                return new Layout(false, channel, channel.getChildren("item", channel.getNamespace()));
            }
        }
    }

    private static URI feedBase(Layout layout, SyndFeed feed, URI baseUrl) {
        if (layout.atom()) {
            // RFC 4287 section 4.2.7 / xml:base: relative references resolve against xml:base, then the document URI.
            return baseUrl;
        }
        // RSS has no xml:base culture: relative item links mean "on the outlet's site", the channel link.
        String link = feed.getLink();
        String resolved = FeedUrls.resolve(baseUrl, link);
        return FeedUrls.isAbsoluteHttp(resolved) ? URI.create(resolved) : baseUrl;
    }

    private static RawItem item(String sourceId, SyndEntry entry, Element raw, boolean atom, URI feedBase,
                                int position, List<String> warnings) {
        URI base = raw == null ? feedBase : xmlBase(raw, feedBase);
        String title = title(entry);
        String label = "item " + position + (title.isEmpty() ? "" : " (\"" + shorten(title) + "\")");

        String link = FeedUrls.resolve(base, firstNonBlank(entry.getLink(), alternateLink(entry)));
        String guid = blankToNull(entry.getUri());
        if (guid != null && guid.equals(blankToNull(entry.getLink()))) {
            // Rome copies the link into the id when an RSS item has no guid: the resolved link serves better.
            guid = null;
        }
        link = withoutForeignLink(link, label, warnings);
        if (link == null && guid == null) {
            warnings.add(label + " skipped: it has neither a link nor a guid/id");
            return null;
        }
        String url = link;
        if (url == null) {
            // Only a guid that is itself a full web address can be the item's link ("42" is not "/42").
            if (FeedUrls.isAbsoluteHttp(guid)) {
                url = guid;
            } else if (base != null && base.isAbsolute()) {
                url = FeedUrls.guidStandIn(base, guid);
                warnings.add(label + " has no link; its URL is made from its guid: " + url);
            } else {
                url = guid;
                warnings.add(label + " has no link and there is no base URL; its guid stands in: " + guid);
            }
        } else if (!FeedUrls.isAbsolute(url)) {
            warnings.add(label + " has a relative link and no base URL to resolve it: " + url);
        }
        if (guid == null) {
            guid = url;
        }

        // the body is parsed once for the steps that read it, again only after one rewrote it (see FeedBody)
        FeedBody body = FeedHtml.absolutize(FeedChrome.strip(FeedBody.of(FeedHtml.unescapedOnceMore(body(entry, atom)), base)));
        String html = body.html();
        String text = FeedHtml.text(body);

        DateField date = date(entry, raw, atom);
        List<String> categories = categories(entry, raw);
        String image = firstNonBlank(mediaImage(raw, base), enclosureImage(entry, base), FeedHtml.firstImage(body, base));
        return new RawItem(sourceId, url, guid, title, html, text, date.raw(), date.parsed(),
                instant(entry.getUpdatedDate()), author(entry), image, categories, Role.MAIN, null);
    }

    /**
     * A javascript:, data: or other non-web link is no page to point readers to: it is dropped, so the
     * item stands on its guid like an item without a link, instead of being rejected whole downstream.
     */
    static String withoutForeignLink(String link, String label, List<String> warnings) {
        String scheme = FeedUrls.foreignScheme(link);
        if (scheme == null) {
            return link;
        }
        warnings.add(label + " has a " + scheme + ": link, which is no web page; the link is dropped: " + shorten(link));
        return null;
    }

    private static String title(SyndEntry entry) {
        SyndContent titleEx = entry.getTitleEx();
        if (titleEx != null && "text".equals(titleEx.getType())) {
            return FeedHtml.plainText(titleEx.getValue());
        }
        return FeedHtml.plainTitle(entry.getTitle());
    }

    private static String alternateLink(SyndEntry entry) {
        if (entry.getLinks() == null) {
            return null;
        }
        return entry.getLinks().stream()
                .filter(l -> l.getRel() == null || "alternate".equals(l.getRel()))
                .map(l -> l.getHref())
                .filter(h -> h != null && !h.isBlank())
                .findFirst().orElse(null);
    }

    /** content:encoded / Atom content first, then description / summary; plain text becomes paragraphs. */
    private static String body(SyndEntry entry, boolean atom) {
        for (SyndContent content : entry.getContents()) {
            if (content != null && content.getValue() != null && !content.getValue().isBlank()) {
                return asHtml(content, atom);
            }
        }
        SyndContent description = entry.getDescription();
        if (description != null && description.getValue() != null && !description.getValue().isBlank()) {
            return asHtml(description, atom);
        }
        return "";
    }

    private static String asHtml(SyndContent content, boolean atom) {
        // RFC 4287 section 3.1.1: an Atom text construct without a type is text; RSS bodies are HTML by custom.
        String type = content.getType() == null ? (atom ? "text" : "") : content.getType().toLowerCase(Locale.ROOT);
        String value = content.getValue().strip();
        if (type.equals("text") || type.equals("text/plain")) {
            return FeedHtml.textAsHtml(value);
        }
        return value;
    }

    /** The date as written plus Rome's reading of it; Rome reads only Locale.US English dates. */
    private record DateField(String raw, Instant parsed) {}

    private static DateField date(SyndEntry entry, Element raw, boolean atom) {
        Instant published = instant(entry.getPublishedDate());
        Instant updated = instant(entry.getUpdatedDate());
        if (atom) {
            // Atom dates are RFC 3339 (1.0) or W3C-DTF (0.3): read the element we name, since Rome's
            // Atom 0.3 converter reports <modified> as the publication date.
            String writtenPublished = raw == null ? null : firstNonBlank(childText(raw, "published"),
                    childText(raw, "issued"), childText(raw, "created"));
            if (writtenPublished != null) {
                return new DateField(writtenPublished, firstNonNull(rfc3339(writtenPublished), published));
            }
            // Atom requires only <updated>; for an entry without <published> it is the best date there is.
            String writtenUpdated = raw == null ? null : firstNonBlank(childText(raw, "updated"), childText(raw, "modified"));
            if (writtenUpdated != null) {
                return new DateField(writtenUpdated, firstNonNull(rfc3339(writtenUpdated), updated));
            }
            return new DateField(null, firstNonNull(published, updated));
        }
        String written = raw == null ? null : firstNonBlank(childText(raw, "pubDate"), dcText(raw, "date"));
        return new DateField(written, published);
    }

    private static String author(SyndEntry entry) {
        String author = blankToNull(entry.getAuthor());
        if (author != null) {
            // RSS 2.0 <author> is "email (Name)"; readers want the name.
            Matcher named = EMAIL_WITH_NAME.matcher(author);
            if (named.matches()) {
                author = named.group(1);
            }
        }
        if (author == null && entry.getAuthors() != null) {
            author = entry.getAuthors().stream().map(SyndPerson::getName)
                    .filter(n -> n != null && !n.isBlank()).findFirst().orElse(null);
        }
        return author == null ? null : FeedHtml.plainTitle(author);
    }

    /** Rome's categories plus dc:subject, which Rome leaves in its DC module for RSS 1.0. */
    private static List<String> categories(SyndEntry entry, Element raw) {
        List<String> candidates = new ArrayList<>();
        for (SyndCategory category : entry.getCategories()) {
            candidates.add(category.getName());
        }
        if (raw != null) {
            for (Element subject : raw.getChildren("subject", Namespace.getNamespace(DC))) {
                candidates.add(subject.getTextTrim());
            }
        }
        Set<String> names = new LinkedHashSet<>();
        for (String candidate : candidates) {
            String name = candidate == null ? "" : FeedHtml.plainTitle(candidate);
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    /** media:content (an image), then media:thumbnail, also inside media:group. */
    private static String mediaImage(Element raw, URI base) {
        if (raw == null) {
            return null;
        }
        List<Element> scopes = new ArrayList<>();
        scopes.add(raw);
        scopes.addAll(raw.getChildren("group", Namespace.getNamespace(MEDIA)));
        for (Element scope : scopes) {
            for (Element content : scope.getChildren("content", Namespace.getNamespace(MEDIA))) {
                String url = content.getAttributeValue("url");
                String medium = content.getAttributeValue("medium");
                String type = content.getAttributeValue("type");
                boolean image = "image".equalsIgnoreCase(medium)
                        || (type != null && type.toLowerCase(Locale.ROOT).startsWith("image/"))
                        || (medium == null && type == null && looksLikeImage(url));
                if (image && url != null && !url.isBlank()) {
                    return FeedUrls.resolve(base, url);
                }
            }
        }
        for (Element scope : scopes) {
            for (Element thumbnail : scope.getChildren("thumbnail", Namespace.getNamespace(MEDIA))) {
                String url = thumbnail.getAttributeValue("url");
                if (url != null && !url.isBlank()) {
                    return FeedUrls.resolve(base, url);
                }
            }
        }
        return null;
    }

    private static String enclosureImage(SyndEntry entry, URI base) {
        for (SyndEnclosure enclosure : entry.getEnclosures()) {
            String type = enclosure.getType() == null ? "" : enclosure.getType().toLowerCase(Locale.ROOT);
            if ((type.startsWith("image/") || (type.isEmpty() && looksLikeImage(enclosure.getUrl())))
                    && enclosure.getUrl() != null && !enclosure.getUrl().isBlank()) {
                return FeedUrls.resolve(base, enclosure.getUrl());
            }
        }
        return null;
    }

    private static boolean looksLikeImage(String url) {
        if (url == null) {
            return false;
        }
        String path = url.toLowerCase(Locale.ROOT).replaceAll("[?#].*$", "");
        int dot = path.lastIndexOf('.');
        return dot >= 0 && IMAGE_EXTENSIONS.contains(path.substring(dot + 1));
    }

    /** RSS <ttl>: minutes the feed may be cached. */
    private static Duration ttl(Element channel, List<String> warnings) {
        String ttl = childText(channel, "ttl");
        if (ttl == null) {
            return null;
        }
        try {
            long minutes = Long.parseLong(ttl.strip());
            if (minutes > 0 && minutes <= 60L * 24 * 366) {
                return Duration.ofMinutes(minutes);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        warnings.add("ignored <ttl>" + ttl + "</ttl>: not a positive number of minutes");
        return null;
    }

    /** RSS <skipHours>: GMT hours 0-23; some feeds write 24 for midnight. */
    private static Set<Integer> skipHours(Element channel, List<String> warnings) {
        Element skip = firstChild(channel, "skipHours");
        if (skip == null) {
            return Set.of();
        }
        Set<Integer> hours = new LinkedHashSet<>();
        for (Element hour : skip.getChildren()) {
            if (!hour.getName().equals("hour")) {
                continue;
            }
            try {
                int h = Integer.parseInt(hour.getTextTrim());
                if (h == 24) {
                    h = 0;
                }
                if (h >= 0 && h <= 23) {
                    hours.add(h);
                    continue;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            warnings.add("ignored <skipHours><hour>" + hour.getTextTrim() + "</hour>: not an hour 0-23");
        }
        return hours;
    }

    /** The element's xml:base chain (outermost first) resolved against the document's URL. */
    private static URI xmlBase(Element element, URI documentBase) {
        List<String> bases = new ArrayList<>();
        for (Element e = element; e != null; e = e.getParentElement()) {
            String b = e.getAttributeValue("base", Namespace.XML_NAMESPACE);
            if (b != null && !b.isBlank()) {
                bases.add(0, b);
            }
        }
        URI base = documentBase;
        for (String b : bases) {
            base = FeedUrls.base(base, b);
        }
        return base;
    }

    private static Element firstChild(Element parent, String name) {
        for (Element child : parent.getChildren()) {
            if (child.getName().equals(name)) {
                return child;
            }
        }
        return null;
    }

    /** A child in the parent's own namespace (RSS/Atom elements never mix with extension ones by name). */
    private static String childText(Element parent, String name) {
        Element child = parent.getChild(name, parent.getNamespace());
        return child == null ? null : blankToNull(child.getTextTrim());
    }

    private static String dcText(Element parent, String name) {
        Element child = parent.getChild(name, Namespace.getNamespace(DC));
        return child == null ? null : blankToNull(child.getTextTrim());
    }


    private static Instant rfc3339(String value) {
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }
}
