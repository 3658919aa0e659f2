package org.nashra.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.io.WireFeedInput;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.util.Locale;

/** Parses written feeds back the way a consumer would. */
final class Outputs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Outputs() {}

    static Feed atom(byte[] bytes) {
        WireFeed feed = rome(bytes);
        if (!(feed instanceof Feed atom)) throw new AssertionError("not Atom: " + feed.getFeedType());
        return atom;
    }

    static Channel rss(byte[] bytes) {
        WireFeed feed = rome(bytes);
        if (!(feed instanceof Channel rss)) throw new AssertionError("not RSS: " + feed.getFeedType());
        return rss;
    }

    static JsonNode json(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + e, e);
        }
    }

    static Document dom(byte[] bytes) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e, e);
        }
    }

    private static WireFeed rome(byte[] bytes) {
        try {
            return new WireFeedInput(false, Locale.US).build(new InputSource(new ByteArrayInputStream(bytes)));
        } catch (Exception e) {
            throw new AssertionError("Rome could not parse the output back: " + e, e);
        }
    }
}
