package org.nashra.fetch;

/** Stable keys for why a fetch failed; stored in source health. */
public enum FailureKind {
    BAD_URL,
    BLOCKED_ADDRESS,
    DNS,
    CONNECT,
    TIMEOUT,
    TLS,
    TOO_LARGE,
    DECOMPRESSION_BOMB,
    TOO_MANY_REDIRECTS,
    REDIRECT_LOOP,
    ROBOTS_DISALLOWED,
    /** 429 Too Many Requests: we asked too often. */
    RATE_LIMITED,
    GONE,
    HTTP_CLIENT_ERROR,
    /** 5xx, 503 Service Unavailable included (its Retry-After is still honoured). */
    HTTP_SERVER_ERROR,
    BAD_CONTENT,
    IO
}
