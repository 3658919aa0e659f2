package org.nashra.fetch;

import java.net.URI;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Objects;

/** What one fetch produced. Expected failures are values, not exceptions. */
public sealed interface FetchResult {

    URI url();

    /** From the call to the outcome, every hop, redirect and wait included. */
    Duration elapsed();

    /**
     * The part of {@link #elapsed()} spent queueing at the host's politeness gate (its limit of requests in
     * flight and the gap between request starts), summed over the hops; the rest is the fetch itself (a
     * robots.txt read on the way, once a day per origin, counts as fetching).
     */
    Duration waited();

    /**
     * A body to process.
     *
     * @param finalUrl          after redirects
     * @param charset           resolved charset for {@code text()}
     * @param charsetReason     how the charset was chosen, for {@code fetch -v}: starts with one of "override",
     *                          "header", "bom", "xml-declaration", "html-meta", "detected", "utf-8-valid",
     *                          "default", followed by ": why" when a declaration was overruled (e.g.
     *                          "detected: header said ISO-8859-1 but the bytes read as windows-1256 Arabic")
     * @param validators        to store for the next conditional request (includes the body hash)
     * @param maxAge            Cache-Control max-age of the response, or null
     * @param permanentRedirect the final URL was reached through a 301/308 and should replace the configured one
     */
    record Fetched(URI url, URI finalUrl, int status, String contentType, Body body, Charset charset,
                   String charsetReason, Validators validators, Duration maxAge,
                   boolean permanentRedirect, Duration elapsed, Duration waited) implements FetchResult {
        public Fetched {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(charset, "charset of " + url);
            finalUrl = finalUrl == null ? url : finalUrl;
        }

        public String text() {
            String s = new String(body.bytes(), charset);
            // a BOM is a charset signal, not content
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        }
    }

    /**
     * Nothing new: a 304, or a body whose hash equals the stored one.
     *
     * @param status the status the server answered: 304, or the 2xx whose body was unchanged
     */
    record NotModified(URI url, int status, String reason, Validators validators, Duration maxAge, Duration elapsed,
                       Duration waited) implements FetchResult {}

    /**
     * @param status     HTTP status when there was one, else 0
     * @param retryAfter how long the server asked us to wait (429/503), or null
     */
    record Failed(URI url, FailureKind kind, String detail, int status, Duration retryAfter,
                  Duration elapsed, Duration waited) implements FetchResult {
        public Failed {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(detail, "detail");
        }

        /** One line for logs and health: kind, URL and reason. */
        public String message() {
            return kind + " " + url + ": " + detail;
        }
    }
}
