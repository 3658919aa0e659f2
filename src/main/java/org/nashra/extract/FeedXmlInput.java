package org.nashra.extract;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.JDOMParseException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaderJDOMFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Feed XML to a JDOM document with every door closed: no DOCTYPE (so no entity bombs, no external
 * entities), no external DTD or schema, no XInclude. We build the document ourselves rather than let
 * Rome do it so that the hardening is ours to see and test, and so the raw elements (dates Rome could
 * not parse, media:* markup) stay at hand. A body the strict parse finds malformed gets a second,
 * lenient reading through {@link FeedXmlRepair}, whose output this same parser reads.
 */
final class FeedXmlInput {
    static final String DOCTYPE_REFUSED =
            "DOCTYPE declarations are refused (DTDs and entities are never processed, so XML bombs and "
                    + "external entities cannot be read)";

    /** Deeper than any real feed (xhtml content included); Rome and jsoup recurse over the tree. */
    static final int MAX_ELEMENT_DEPTH = 256;
    private static final String MAX_ELEMENT_DEPTH_PROPERTY = "http://www.oracle.com/xml/jaxp/properties/maxElementDepth";

    private FeedXmlInput() {}

    /**
     * A feed's document, and what had to be repaired to read it.
     *
     * @param repairs "" for a well-formed body; else what the lenient reading repaired, e.g. "repaired 3
     *                undeclared HTML entities (&amp;nbsp;)", for a warning on the source
     */
    record Parsed(Document document, String repairs) {}

    /** Parses {@code xml}; failures come back as a reason fit for an operator, without the source. */
    static Parsed parse(String body) throws Refusal {
        // A BOM or blank lines before the first markup are common and harmless, but fatal to a strict parser.
        int start = 0;
        while (start < body.length() && (Character.isWhitespace(body.charAt(start)) || body.charAt(start) == '\uFEFF')) {
            start++;
        }
        String skipped = body.substring(0, start);
        Position offset = new Position(
                (int) skipped.chars().filter(c -> c == '\n').count(),
                start - (skipped.lastIndexOf('\n') + 1),
                FeedSniffer.lineAt(body, body.length()));
        String xml = body.substring(start);
        try {
            return new Parsed(build(new StringReader(xml)), "");
        } catch (JDOMParseException strict) {
            String reason = describe(strict, offset);
            if (isRefusal(reason)) {
                throw new Refusal(reason);
            }
            return lenient(xml, reason, offset);
        } catch (JDOMException e) {
            throw new Refusal("malformed XML: " + message(e));
        } catch (IOException e) {
            // Only an entity or include fetch could do I/O here, and those are refused.
            throw new Refusal("XML refers to an external resource, which is refused: " + message(e));
        }
    }

    /**
     * The second chance, only for bodies the strict parse found malformed (well-formed feeds never pay
     * for it): the text repaired, then if need be the element tree rebuilt (see {@link FeedXmlRepair}),
     * each read again by the same hardened parser. A refusal on the way (a DOCTYPE, too deep) stays a
     * refusal; a body still broken after both keeps the strict parser's reason, which points into the
     * text as the outlet wrote it, and says why the repair was not enough.
     */
    private static Parsed lenient(String xml, String reason, Position offset) throws Refusal {
        FeedXmlRepair.TextRepair text = FeedXmlRepair.repairText(xml);
        String tagError = reason;
        if (text.changed()) {
            try {
                return new Parsed(build(new StringReader(text.text())), "repaired " + text.summary());
            } catch (JDOMParseException e) {
                // The repair adds and removes no line break, but moves columns: the line is what holds.
                tagError = describeLine(e, offset);
                if (isRefusal(tagError)) {
                    throw new Refusal(tagError);
                }
            } catch (JDOMException e) {
                throw new Refusal(reason);
            } catch (IOException e) {
                throw new Refusal("XML refers to an external resource, which is refused: " + message(e));
            }
        }
        String rebuilt;
        try {
            rebuilt = FeedXmlRepair.rebuildTree(text.text());
        } catch (FeedXmlRepair.Unrepairable e) {
            throw new Refusal(reason + " (not repairable: " + e.getMessage() + ")");
        }
        try {
            Document doc = build(new StringReader(rebuilt));
            String rebuiltNote = "rebuilt the element tree around malformed markup ("
                    + tagError.replaceFirst("^malformed XML at ", "first at ") + ")";
            return new Parsed(doc, text.changed() ? "repaired " + text.summary() + "; " + rebuiltNote : rebuiltNote);
        } catch (JDOMParseException e) {
            // Positions in the rebuilt text mean nothing to the outlet; the message still says what is wrong.
            String again = message(e);
            String refusal = describe(e, new Position(0, 0, 0));
            if (isRefusal(refusal)) {
                throw new Refusal(refusal);
            }
            throw new Refusal(reason + " (not repairable: the rebuilt element tree is still malformed: " + again + ")");
        } catch (JDOMException e) {
            throw new Refusal(reason);
        } catch (IOException e) {
            throw new Refusal("XML refers to an external resource, which is refused: " + message(e));
        }
    }

    private static boolean isRefusal(String reason) {
        return reason.startsWith(DOCTYPE_REFUSED) || reason.startsWith("XML refused");
    }

    private static Document build(Reader reader) throws JDOMException, IOException {
        SAXBuilder builder = new SAXBuilder(new HardenedReaders());
        // Entities from a DTD cannot exist (no DOCTYPE), but say so twice: never expand or fetch.
        builder.setExpandEntities(false);
        builder.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("external entity refused: " + systemId);
        });
        return builder.build(new InputSource(reader));
    }

    /** Where the parsed text starts in the body (leading blank lines skipped), and the body's last line. */
    private record Position(int skippedLines, int skippedColumns, int endLine) {}

    private static String describe(JDOMParseException e, Position offset) {
        String message = message(e);
        int line = e.getLineNumber() + offset.skippedLines();
        int column = e.getLineNumber() == 1 ? e.getColumnNumber() + offset.skippedColumns() : e.getColumnNumber();
        if (message.contains("DOCTYPE") || message.contains("doctype")) {
            return DOCTYPE_REFUSED + " (at line " + line + ")";
        }
        if (message.contains("maxElementDepth") || message.contains("element depth")) {
            return "XML refused: elements nested deeper than " + MAX_ELEMENT_DEPTH + " at line " + line;
        }
        if (message.toLowerCase(Locale.ROOT).contains("entity") && message.contains("limit")) {
            return "XML refused: entity expansion limit reached at line " + line + " (an XML bomb?)";
        }
        if (e.getLineNumber() > 0) {
            return "malformed XML at line " + line + ", column " + column + ": " + message;
        }
        // The parser gives no position when the body ends before the root element does.
        return "malformed XML at the end of the body (line " + offset.endLine() + "): " + message;
    }

    /** As {@link #describe}, without the column (for text whose columns the repair moved). */
    private static String describeLine(JDOMParseException e, Position offset) {
        String full = describe(e, offset);
        return full.replaceFirst("^(malformed XML at line \\d+), column \\d+:", "$1:");
    }

    private static String message(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof SAXParseException && root.getMessage() != null) {
            return root.getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The reason a body was refused as XML. */
    static final class Refusal extends Exception {
        Refusal(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The JDK's own parser (not whatever a jar on the class path registers), locked down. */
    private static final class HardenedReaders implements XMLReaderJDOMFactory {
        @Override
        public XMLReader createXMLReader() throws JDOMException {
            try {
                SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
                factory.setNamespaceAware(true);
                factory.setValidating(false);
                factory.setXIncludeAware(false);
                factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
                factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
                factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
                XMLReader reader = factory.newSAXParser().getXMLReader();
                reader.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                reader.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
                // Feeds are shallow; thousands of nested elements only serve to exhaust the stack downstream.
                reader.setProperty(MAX_ELEMENT_DEPTH_PROPERTY, String.valueOf(MAX_ELEMENT_DEPTH));
                return reader;
            } catch (ParserConfigurationException | SAXException e) {
                throw new JDOMException("cannot configure a hardened XML parser: " + e.getMessage(), e);
            }
        }

        @Override
        public boolean isValidating() {
            return false;
        }
    }
}
