package org.nashra.publish;

import java.net.URI;

/**
 * RFC 5005 section 4 (archived feeds): where a feed document sits among its archives. URLs are
 * without extension, like {@link FeedDocument#baseFeedUrl()}.
 *
 * @param complete    this document is a fixed archive ({@code fh:archive}), not the live feed
 * @param current     the live feed (for an archive), or null
 * @param prevArchive the next older archive, or null
 * @param nextArchive the next newer archive, or null
 */
public record Archive(boolean complete, URI current, URI prevArchive, URI nextArchive) {
    public static final String NAMESPACE = "http://purl.org/syndication/history/1.0";
}
