package org.nashra.fetch;

import java.net.URI;
import java.util.Objects;

/**
 * One request of the fetch stage.
 *
 * @param sourceId         for error messages and per-source bookkeeping
 * @param encodingOverride a charset name configured for the source, or null
 * @param checkRobots      true for scraped HTML pages, whose robots.txt must be honoured
 */
public record FetchRequest(String sourceId, URI url, Validators validators, String encodingOverride,
                           boolean checkRobots) {
    public FetchRequest {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(url, "url");
        validators = validators == null ? Validators.NONE : validators;
    }

    public static FetchRequest of(String sourceId, URI url) {
        return new FetchRequest(sourceId, url, Validators.NONE, null, false);
    }
}
