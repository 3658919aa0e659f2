package org.nashra.extract;

import com.rometools.rome.io.impl.XmlFixerReader;
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
 * not parse, media:* markup) stay at hand.
 */
final class FeedXmlInput {
    static final String DOCTYPE_REFUSED =
            "DOCTYPE declarations are refused (DTDs and entities are never processed, so XML bombs and "
                    + "external entities cannot be read)";

    /** Deeper than any real feed (xhtml content included); Rome and jsoup recurse over the tree. */
    static final int MAX_ELEMENT_DEPTH = 256;
    private static final String MAX_ELEMENT_DEPTH_PROPERTY = "http://www.oracle.com/xml/jaxp/properties/maxElementDepth";

    private FeedXmlInput() {}

    /** Parses {@code xml}; failures come back as a reason fit for an operator, without the source. */
    static Document parse(String body) throws Refusal {
        // A BOM or blank lines before the first markup are common and harmless, but fatal to a strict parser.
        int start = 0;
        while (start < body.length() && (Character.isWhitespace(body.charAt(start)) || body.charAt(start) == '\uFEFF')) {
            start++;
        }
        String skipped = body.substring(0, start);
        int skippedLines = (int) skipped.chars().filter(c -> c == '\n').count();
        int skippedColumns = start - (skipped.lastIndexOf('\n') + 1);
        String xml = body.substring(start);
        try {
            return build(new StringReader(xml));
        } catch (JDOMParseException strict) {
            String reason = describe(strict, skippedLines, skippedColumns, FeedSniffer.lineAt(body, body.length()));
            if (reason.startsWith(DOCTYPE_REFUSED) || reason.startsWith("XML refused")) {
                throw new Refusal(reason);
            }
            // Second chance through Rome's healer, which turns HTML entities (&nbsp;) and stray '&' into
            // XML. Only broken feeds pay for it: it reads one char at a time. Its errors would point into
            // the healed text, so the strict parser's position is the one reported.
            try (XmlFixerReader healed = new XmlFixerReader(new StringReader(xml))) {
                return build(healed);
            } catch (JDOMException | IOException stillBroken) {
                throw new Refusal(reason);
            }
        } catch (JDOMException e) {
            throw new Refusal("malformed XML: " + message(e));
        } catch (IOException e) {
            // Only an entity or include fetch could do I/O here, and those are refused.
            throw new Refusal("XML refers to an external resource, which is refused: " + message(e));
        }
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

    private static String describe(JDOMParseException e, int skippedLines, int skippedColumns, int endLine) {
        String message = message(e);
        int line = e.getLineNumber() + skippedLines;
        int column = e.getLineNumber() == 1 ? e.getColumnNumber() + skippedColumns : e.getColumnNumber();
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
        return "malformed XML at the end of the body (line " + endLine + "): " + message;
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
