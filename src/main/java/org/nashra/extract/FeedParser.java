package org.nashra.extract;

import java.net.URI;

/** Feeds (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed) to raw items. STUB: to be implemented. */
public final class FeedParser {
    private FeedParser() {}

    /**
     * @param body    the decoded document
     * @param baseUrl for resolving relative links
     * @throws ExtractionException naming the reason when the body is not a readable feed
     */
    public static Extraction parse(String sourceId, String body, URI baseUrl) throws ExtractionException {
        throw new UnsupportedOperationException("FeedParser not implemented yet");
    }
}
