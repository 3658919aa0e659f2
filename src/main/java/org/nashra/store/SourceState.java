package org.nashra.store;

import java.time.Instant;

/**
 * A source's fetch state and health, as stored.
 *
 * @param name     the outlet's name as the configuration last gave it, or null (rows older than names)
 * @param warnings what the last body read showed an operator should look at, one a line, or null: passes
 *                 since that read no new body (not modified, failed) leave them
 * @param notes    what the last pass did that needs no action ("not modified (304)", a permanent move), one
 *                 a line, or null
 */
public record SourceState(String id, String name, String url, String effectiveUrl, String etag, String lastModified,
                          String bodyHash, Instant lastAttempt, Instant lastSuccess, String lastStatus,
                          Integer httpStatus, int errorStreak, String lastErrorKind, String lastError,
                          int itemsNew, int itemsDuplicate, int itemsRejected, String warnings,
                          String notes, Instant nextDue, boolean paused, String pausedReason) {

    /**
     * When the source is next fetched, or null while it is paused: a paused source is fetched no more
     * until resumed, and the due time stored when it was paused only grows stale.
     */
    public Instant nextFetch() {
        return paused ? null : nextDue;
    }

    /** The URL to fetch: the configured one, or where it permanently moved. */
    public String fetchUrl() {
        return effectiveUrl != null ? effectiveUrl : url;
    }
}
