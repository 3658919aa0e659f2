package org.nashra.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The outlines of an OPML file's body, in document order, each with its line: read with SAX rather
 * than into a DOM, which keeps no lines, so that every outline the import passes over can be named.
 */
final class OpmlOutlines {
    private OpmlOutlines() {}

    /**
     * One {@code <outline>}.
     *
     * @param title     its title, else its text, "" when it has neither; without control characters
     *                  ({@link #withoutControls})
     * @param xmlUrl    the feed's address, stripped; "" for a folder or a plain link
     * @param folder    the title of the folder outline it sits in (the nearest with a title), or null
     * @param inFeed    the line of the feed outline it is nested in, 0 when none: feeds hold no outlines
     * @param nested    whether outlines sit inside it
     */
    record Outline(int line, String title, String xmlUrl, String type, String version, String category, String folder,
                   int inFeed, boolean nested) {}

    /** Errors name the OPML file, with the line and column where the XML is broken. */
    static List<Outline> read(Path opml, byte[] bytes) throws ConfigException {
        Walker walker = new Walker();
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            // an OPML file from elsewhere is untrusted XML: no DTDs, no external entities
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            SAXParser parser = f.newSAXParser();
            // DefaultHandler's error handling throws on fatal errors and prints nothing, unlike the parser's own
            parser.parse(new ByteArrayInputStream(bytes), walker);
        } catch (SAXParseException e) {
            String column = e.getColumnNumber() > 0 ? " at column " + e.getColumnNumber() : "";
            throw OpmlImport.error(opml, Math.max(e.getLineNumber(), 0), "cannot read OPML" + column + ": " + e.getMessage());
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw OpmlImport.error(opml, 0, "cannot read OPML: " + e.getMessage());
        }
        if (!"opml".equals(walker.root)) {
            throw OpmlImport.error(opml, 0, "not an OPML file: the root element is <" + walker.root + ">");
        }
        return walker.done();
    }

    /** Builds the outlines as their elements open and close. */
    private static final class Walker extends DefaultHandler {
        /** An outline being read: its attributes, known at its start, and whether outlines came inside it. */
        private static final class Open {
            final int line;
            final String title, xmlUrl, type, version, category, folder;
            final int inFeed;
            final int index;
            boolean nested;

            Open(int line, Attributes a, String folder, int inFeed, int index) {
                this.line = line;
                this.title = first(a.getValue("title"), a.getValue("text"));
                this.xmlUrl = a.getValue("xmlUrl") == null ? "" : a.getValue("xmlUrl").strip();
                this.type = a.getValue("type");
                this.version = a.getValue("version");
                this.category = a.getValue("category") == null ? null : withoutControls(a.getValue("category"));
                this.folder = folder;
                this.inFeed = inFeed;
                this.index = index;
            }
        }

        private Locator locator;
        private String root;
        /** Inside {@code <head>}, whose elements are the file's own metadata. */
        private int headDepth;
        private final Deque<Open> open = new ArrayDeque<>();
        private final List<Outline> done = new ArrayList<>();

        @Override public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if (root == null) root = qName;
            if (qName.equals("head") || headDepth > 0) headDepth++;
            if (!qName.equals("outline") || headDepth > 0) return;
            Open parent = open.peek();
            String folder = null;
            int inFeed = 0;
            if (parent != null) {
                parent.nested = true;
                inFeed = parent.inFeed > 0 ? parent.inFeed : parent.xmlUrl.isEmpty() ? 0 : parent.line;
                folder = parent.xmlUrl.isEmpty() && !parent.title.isEmpty() ? parent.title : parent.folder;
            }
            open.push(new Open(locator == null ? 0 : locator.getLineNumber(), attributes, folder, inFeed, done.size()));
            done.add(null); // its place in document order, filled when it closes
        }

        @Override public void endElement(String uri, String localName, String qName) {
            if (headDepth > 0) {
                headDepth--;
            } else if (qName.equals("outline")) {
                Open o = open.pop();
                done.set(o.index, new Outline(o.line, o.title, o.xmlUrl, o.type, o.version, o.category, o.folder, o.inFeed,
                        o.nested));
            }
        }

        List<Outline> done() {
            return List.copyOf(done);
        }
    }

    private static String first(String a, String b) {
        return withoutControls(a != null && !a.isBlank() ? a : b == null ? "" : b);
    }

    /**
     * Text with a space for each control character (C0, DEL and C1, NEXT LINE among them), spaces run
     * together and stripped. XML 1.0 allows U+007F-U+009F, written out or as references, and exports carry
     * them (text once decoded as Latin-1); YAML does not, so a title that kept one made a feeds.yml that
     * does not load, and the whole import was refused. A space, not nothing: words the control character
     * stood between stay apart.
     */
    static String withoutControls(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> b.appendCodePoint(Character.getType(c) == Character.CONTROL ? ' ' : c));
        return b.toString().strip().replaceAll(" {2,}", " ");
    }
}
