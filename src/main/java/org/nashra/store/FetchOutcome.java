package org.nashra.store;

import java.time.Instant;

/**
 * What one pass over a source did, to record as its health.
 *
 * @param status    ok | not_modified | failed
 * @param errorKind null unless failed
 */
public record FetchOutcome(String sourceId, Instant attemptAt, String status, Integer httpStatus,
                           String errorKind, String error, int itemsNew, int itemsDuplicate,
                           int itemsRejected, String warnings, Instant nextDue, String etag,
                           String lastModified, String bodyHash, String effectiveUrl,
                           String pauseReason) {}
