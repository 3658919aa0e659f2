package org.nashra.extract;

import java.net.URI;
import org.nashra.config.SourceConfig;

/** HTML pages to raw items: listings, articles and their "other news" blocks. STUB. */
public final class PageExtractor {
    private final SourceConfig source;

    public PageExtractor(SourceConfig source) {
        this.source = source;
    }

    /** A page whose kind is not known: a listing yields links to fetch, an article yields items. */
    public Extraction extract(String html, URI pageUrl) {
        throw new UnsupportedOperationException("PageExtractor not implemented yet");
    }

    /** An article page: one MAIN item plus OTHER items from its other-news block. */
    public Extraction extractArticle(String html, URI pageUrl) {
        throw new UnsupportedOperationException("PageExtractor not implemented yet");
    }
}
