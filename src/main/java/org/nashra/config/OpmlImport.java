package org.nashra.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads an OPML subscription list (as feed readers export it) into new source entries, and
 * appends them to feeds.yml without touching what the operator wrote there (comments included).
 */
public final class OpmlImport {
    private OpmlImport() {}

    /** One outline to add: the YAML it becomes is built by {@link #yaml}. */
    public record NewSource(String id, String name, URI url, String type, List<String> groups) {
        public NewSource {
            groups = List.copyOf(groups);
        }
    }

    /**
     * Feed outlines of the OPML file not already configured (by URL), with ids unique in the
     * file. Errors name the OPML file, with the line where the XML is broken.
     */
    public static List<NewSource> read(Path opml, FeedsFile existing) throws ConfigException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(opml);
        } catch (IOException e) {
            throw error(opml, 0, "cannot read OPML: " + FileProblems.reason(opml, e));
        }
        return read(opml, bytes, existing);
    }

    /** As {@link #read(Path, FeedsFile)}, over the bytes already read from {@code opml}. */
    public static List<NewSource> read(Path opml, byte[] bytes, FeedsFile existing) throws ConfigException {
        Document doc = parse(opml, bytes);
        Set<String> urls = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (SourceConfig s : existing.sources()) {
            urls.add(s.url().toString());
            ids.add(s.id());
        }
        List<NewSource> out = new ArrayList<>();
        walk(doc.getDocumentElement(), null, urls, ids, out);
        return out;
    }

    private static void walk(Element el, String group, Set<String> urls, Set<String> ids, List<NewSource> out) {
        for (Node n = el.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element child)) continue;
            if (!child.getTagName().equals("outline") && !child.getTagName().equals("body")) continue;
            String xmlUrl = child.getAttribute("xmlUrl").strip();
            String text = first(child.getAttribute("title"), child.getAttribute("text"));
            if (xmlUrl.isEmpty()) {
                walk(child, child.getTagName().equals("body") ? group : (text.isEmpty() ? group : text), urls, ids, out);
                continue;
            }
            URI url;
            try {
                url = new URI(xmlUrl);
            } catch (URISyntaxException e) {
                continue;
            }
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null || !urls.add(url.toString())) continue;
            String id = uniqueId(slug(url), ids);
            out.add(new NewSource(id, text.isEmpty() ? url.getHost() : text, url,
                    type(child.getAttribute("type"), child.getAttribute("version")), groups(group, child.getAttribute("category"))));
        }
    }

    /**
     * OPML 2.0 gives every feed outline type="rss", whatever its format, and says the format in
     * {@code version} ("RSS2", "atom", "json"); some exports put "atom" in {@code type} instead.
     * A bare type="rss" says nothing, and the format is sniffed.
     */
    static String type(String type, String version) {
        String v = (version == null || version.isBlank() ? type : version).toLowerCase(Locale.ROOT);
        if (v.contains("atom")) return "atom";
        if (v.contains("json")) return "json";
        if (v.startsWith("rss") && version != null && !version.isBlank()) return "rss";
        return "auto";
    }

    /**
     * The folder the outline sits in, and its categories: "/iraq,/agencies" or "news/iraq" name a
     * group by their last segment each.
     */
    static List<String> groups(String folder, String categories) {
        Set<String> out = new java.util.LinkedHashSet<>();
        if (folder != null && !folder.isBlank()) out.add(folder.strip());
        if (categories != null) {
            for (String c : categories.split(",")) {
                String path = c.strip().replaceAll("/+$", "");
                String last = path.substring(path.lastIndexOf('/') + 1).strip();
                if (!last.isEmpty()) out.add(last);
            }
        }
        return List.copyOf(out);
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a.strip() : b == null ? "" : b.strip();
    }

    /**
     * An id from the host: "feeds.bbci.co.uk" becomes "bbci". A host that names no outlet (an IP
     * address, localhost) gives way to the first segment of the path: "127.0.0.1/rafidain/feed.xml"
     * becomes "rafidain".
     */
    static String slug(URI url) {
        String rawHost = url.getHost().toLowerCase(Locale.ROOT);
        if (rawHost.matches("[0-9.]+|\\[.*]|localhost") && url.getPath() != null) {
            String seg = url.getPath().replaceAll("^/+", "");
            seg = seg.contains("/") ? seg.substring(0, seg.indexOf('/')) : seg.replaceAll("\\.[a-z]+$", "");
            String s = seg.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
            if (!s.isEmpty()) return s.length() > 40 ? s.substring(0, 40) : s;
        }
        String host = rawHost.replaceFirst("^(www|feeds?|rss|arabic|ar)\\.", "");
        String core = host.contains(".") ? host.substring(0, host.indexOf('.')) : host;
        String s = core.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "source" : s.length() > 40 ? s.substring(0, 40) : s;
    }

    private static String uniqueId(String base, Set<String> ids) {
        String id = base;
        for (int i = 2; !ids.add(id); i++) id = base + "-" + i;
        return id;
    }

    private static Document parse(Path opml, byte[] bytes) throws ConfigException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            // an OPML file from elsewhere is untrusted XML: no DTDs, no external entities
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder builder = f.newDocumentBuilder();
            // without a handler of its own the parser prints "[Fatal Error] :1:59: ..." on stderr
            builder.setErrorHandler(THROW);
            Document doc = builder.parse(new ByteArrayInputStream(bytes));
            if (!doc.getDocumentElement().getTagName().equals("opml")) {
                throw error(opml, 0, "not an OPML file: the root element is <" + doc.getDocumentElement().getTagName() + ">");
            }
            return doc;
        } catch (SAXParseException e) {
            String column = e.getColumnNumber() > 0 ? " at column " + e.getColumnNumber() : "";
            throw error(opml, Math.max(e.getLineNumber(), 0), "cannot read OPML" + column + ": " + e.getMessage());
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw error(opml, 0, "cannot read OPML: " + e.getMessage());
        }
    }

    /** Parse errors end the parse as exceptions; warnings (nothing an OPML import acts on) are dropped. */
    private static final ErrorHandler THROW = new ErrorHandler() {
        @Override public void warning(SAXParseException e) {}

        @Override public void error(SAXParseException e) throws SAXParseException {
            throw e;
        }

        @Override public void fatalError(SAXParseException e) throws SAXParseException {
            throw e;
        }
    };

    private static ConfigException error(Path opml, int line, String message) {
        return new ConfigException(List.of(new ConfigError(opml, line, message)));
    }

    /**
     * feeds.yml with new sources added.
     *
     * @param yaml      the whole file as it would be written
     * @param firstLine the 1-based line where the new entries begin in {@code yaml}
     * @param lastLine  the line where they end
     * @param added     the new entries' YAML, as the import adds them
     */
    public record Appended(String yaml, int firstLine, int lastLine, String added) {}

    /** One source's keys, one a line, without indentation: the lines of a block list item. */
    static List<String> entryLines(NewSource s) {
        List<String> out = new ArrayList<>();
        out.add("id: " + s.id());
        out.add("name: " + quote(s.name()));
        out.add("url: " + quote(s.url().toString()));
        out.add("type: " + s.type());
        if (!s.groups().isEmpty()) out.add("groups: " + groupList(s));
        return out;
    }

    /** One source as a flow mapping, for a {@code sources: [...]} list. */
    static String flowEntry(NewSource s) {
        return "{" + String.join(", ", entryLines(s)) + "}";
    }

    private static String groupList(NewSource s) {
        return "[" + String.join(", ", s.groups().stream().map(OpmlImport::quote).toList()) + "]";
    }

    /** Double-quoted YAML scalar: safe for any text. */
    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * feeds.yml with the new sources appended to its {@code sources} list, at the list's own
     * indentation, every other line kept as written. Not validated: the caller loads the result.
     */
    public static Appended appendSources(String feedsYaml, List<NewSource> sources) {
        return SourcesAppender.append(feedsYaml, sources);
    }
}
