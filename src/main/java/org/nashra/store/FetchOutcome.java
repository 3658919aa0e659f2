package org.nashra.store;

import java.time.Instant;

/**
 * What one pass over a source did, to record as its health.
 *
 * @param status    ok | not_modified | failed
 * @param errorKind null unless failed
 * @param warnings  what the body read showed an operator should look at, one a line, or null. Only an ok
 *                  pass read a body whose validators it stores: a not-modified pass was told that body is
 *                  still served, a failed one learnt nothing of it, so both leave its warnings as they are
 * @param notes     what the pass did that needs no action (not modified, a permanent move), one a line,
 *                  or null
 */
public record FetchOutcome(String sourceId, Instant attemptAt, String status, Integer httpStatus,
                           String errorKind, String error, int itemsNew, int itemsDuplicate,
                           int itemsRejected, String warnings, Instant nextDue, String etag,
                           String lastModified, String bodyHash, String effectiveUrl,
                           String pauseReason, String notes) {
    public FetchOutcome {
        if (!readBody(status) && warnings != null) {
            throw new IllegalArgumentException("source '" + sourceId + "': a " + status + " pass read no body to warn"
                    + " of (the last read's warnings are kept), got: " + warnings);
        }
    }

    /** A pass with nothing to note. */
    public FetchOutcome(String sourceId, Instant attemptAt, String status, Integer httpStatus, String errorKind,
                        String error, int itemsNew, int itemsDuplicate, int itemsRejected, String warnings,
                        Instant nextDue, String etag, String lastModified, String bodyHash, String effectiveUrl,
                        String pauseReason) {
        this(sourceId, attemptAt, status, httpStatus, errorKind, error, itemsNew, itemsDuplicate, itemsRejected,
                warnings, nextDue, etag, lastModified, bodyHash, effectiveUrl, pauseReason, null);
    }

    /** Whether the pass read a body, whose warnings replace the last one's. */
    static boolean readBody(String status) {
        return "ok".equals(status);
    }
}
