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
    RATE_LIMITED,
    GONE,
    HTTP_CLIENT_ERROR,
    HTTP_SERVER_ERROR,
    BAD_CONTENT,
    IO
}
