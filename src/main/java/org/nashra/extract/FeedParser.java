package org.nashra.extract;

import com.rometools.rome.io.FeedException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jdom2.Document;

/**
 * Feeds (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed 1.0/1.1) to raw items.
 *
 * <p>The body is sniffed (JSON or XML, or an HTML page, or nothing), then read by Jackson or by a
 * hardened XML parser and Rome. XML the strict parse finds malformed is read a second time,
 * leniently (HTML entities, a stray {@code &}, control characters, unclosed or mismatched tags
 * repaired), and what was repaired is the first of {@link Extraction#warnings()}. Every body that is
 * not a readable feed ends in an {@link ExtractionException} whose message says what was found and
 * names the source and URL; items that cannot be used (no link, no guid) are skipped and reported in
 * {@link Extraction#warnings()}; an item whose date does not parse keeps the date as written in
 * {@link RawItem#publishedRaw()}.
 */
public final class FeedParser {
    private FeedParser() {}

    /**
     * @param sourceId the source the body came from (named in items and errors)
     * @param body     the decoded document
     * @param baseUrl  for resolving relative links: the URL the body was fetched from; may be null
     * @throws ExtractionException naming the reason when the body is not a readable feed
     */
    public static Extraction parse(String sourceId, String body, URI baseUrl) throws ExtractionException {
        if (sourceId == null || sourceId.isBlank()) {
            throw new IllegalArgumentException("sourceId is required");
        }
        String text = body == null ? "" : body;
        if (text.startsWith("\uFEFF")) {
            // A byte order mark that survived decoding is not content; Jackson would reject it.
            text = text.substring(1);
        }
        FeedSniffer.Sniff sniff = FeedSniffer.sniff(text);
        try {
            return switch (sniff.kind()) {
                case EMPTY -> throw refused(sourceId, baseUrl, "not a feed: the body is empty", null);
                case HTML -> throw refused(sourceId, baseUrl, "not a feed: the body is an HTML page ("
                        + sniff.found() + " at line " + sniff.line() + ")", null);
                case OTHER -> throw refused(sourceId, baseUrl, "not a feed: the body is neither XML nor JSON (it starts with \""
                        + sniff.found() + "\" at line " + sniff.line() + ")", null);
                case JSON -> JsonFeedReader.read(sourceId, text, baseUrl);
                case XML -> readXml(sourceId, text, baseUrl);
            };
        } catch (JsonFeedReader.Refusal e) {
            throw refused(sourceId, baseUrl, e.getMessage(), null);
        } catch (RuntimeException e) {
            // Rome and Jackson are liberal readers of hostile input; whatever escapes them is still "unreadable".
            throw refused(sourceId, baseUrl, "unreadable feed: " + e, e);
        }
    }

    private static Extraction readXml(String sourceId, String body, URI baseUrl) throws ExtractionException {
        FeedXmlInput.Parsed parsed;
        try {
            parsed = FeedXmlInput.parse(body);
        } catch (FeedXmlInput.Refusal e) {
            throw refused(sourceId, baseUrl, e.getMessage(), null);
        }
        Extraction extraction = readDocument(sourceId, parsed.document(), baseUrl);
        if (parsed.repairs().isEmpty()) {
            return extraction;
        }
        // First among the warnings: the outlet should fix its feed, and until it does some text may read oddly.
        List<String> warnings = new ArrayList<>();
        warnings.add("malformed XML read leniently: " + parsed.repairs() + where(sourceId, baseUrl));
        warnings.addAll(extraction.warnings());
        return new Extraction(extraction.title(), extraction.items(), extraction.removed(), warnings,
                extraction.ttl(), extraction.skipHours(), extraction.listing(), extraction.whyEmpty());
    }

    private static Extraction readDocument(String sourceId, Document doc, URI baseUrl) throws ExtractionException {
        String notAFeed = FeedRomeReader.notAFeed(doc);
        if (notAFeed != null) {
            throw refused(sourceId, baseUrl, notAFeed, null);
        }
        try {
            return FeedRomeReader.read(sourceId, doc, baseUrl);
        } catch (IllegalArgumentException e) {
            // Rome found no parser for this root: e.g. <feed> outside the Atom namespaces.
            throw refused(sourceId, baseUrl, "not a feed: no RSS or Atom flavour matches the root element <"
                    + doc.getRootElement().getQualifiedName() + "> (namespace \""
                    + doc.getRootElement().getNamespaceURI() + "\")", e);
        } catch (FeedException e) {
            throw refused(sourceId, baseUrl, "not a feed Rome can read: " + e.getMessage(), e);
        }
    }

    private static ExtractionException refused(String sourceId, URI baseUrl, String reason, Throwable cause) {
        String where = where(sourceId, baseUrl);
        return cause == null ? new ExtractionException(reason + where) : new ExtractionException(reason + where, cause);
    }

    private static String where(String sourceId, URI baseUrl) {
        return " (source " + sourceId + (baseUrl == null ? "" : ", " + baseUrl) + ")";
    }
}
