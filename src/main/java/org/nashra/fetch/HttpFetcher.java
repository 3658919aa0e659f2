package org.nashra.fetch;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.routing.RoutingSupport;
import org.apache.hc.client5.http.utils.DateUtils;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.impl.EnglishReasonPhraseCatalog;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.nashra.config.FetchSettings;
import org.nashra.fetch.FetchResult.Failed;
import org.nashra.fetch.FetchResult.Fetched;
import org.nashra.fetch.FetchResult.NotModified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fetch stage on Apache HttpClient 5 (classic). Every read is bounded (connect and read timeouts, a
 * total deadline enforced while streaming, body and decompression caps, a redirect cap), every connection
 * goes through a DNS step that refuses private addresses, hosts are asked politely (per-host concurrency,
 * a gap between requests, robots.txt), and every outcome is a value. Thread-safe; one instance serves the
 * whole process and must be closed.
 */
public final class HttpFetcher implements Fetcher {

    private static final Logger log = LoggerFactory.getLogger(HttpFetcher.class);

    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, "
            + "application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5";
    private static final Pattern CHARSET_PARAM = Pattern.compile("charset\\s*=\\s*\"?([^;\"\\s]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])max-age\\s*=\\s*\"?(\\d+)",
            Pattern.CASE_INSENSITIVE);
    private static final int BUFFER = 16 * 1024;

    private final FetchSettings settings;
    private final Clock clock;
    private final PoolingHttpClientConnectionManager connections;
    private final CloseableHttpClient client;
    private final HostGates gates;
    private final HostGates.Ticker ticker;
    private final ScheduledExecutorService watchdog;
    private final CharsetResolver charsets = new CharsetResolver();
    private final RobotsCache robots;

    public HttpFetcher(FetchSettings settings, Clock clock) {
        this(settings, clock, GuardedDnsResolver.system());
    }

    /**
     * Why every fetch of {@code url} will be refused as a private address, known without a DNS
     * lookup ("127.0.0.1 is a loopback address"): its host is a non-public address literal or a
     * localhost name, and {@code fetch.allow_private_hosts} does not list it. Empty when it may be
     * fetched as far as that goes (a name is judged when it resolves). For check-config, which
     * warns before any fetch.
     */
    public static java.util.Optional<String> refusedHost(URI url, FetchSettings settings) {
        return java.util.Optional.ofNullable(new AddressGuard(settings.allowPrivateHosts()).refusedWithoutLookup(url.getHost()));
    }

    /** With a name lookup of the caller's, so tests can point names at loopback and exercise the DNS guard. */
    HttpFetcher(FetchSettings settings, Clock clock, GuardedDnsResolver.Lookup lookup) {
        this(settings, clock, lookup, HostGates.SYSTEM);
    }

    /** With the politeness gates on a time of the caller's, so tests see exactly what a fetch waited. */
    HttpFetcher(FetchSettings settings, Clock clock, GuardedDnsResolver.Lookup lookup, HostGates.Ticker ticker) {
        this.settings = settings;
        this.ticker = ticker;
        this.clock = clock;
        AddressGuard guard = new AddressGuard(settings.allowPrivateHosts());
        this.connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new GuardedDnsResolver(lookup, guard))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(timeout(settings.connectTimeout()))
                        .setSocketTimeout(timeout(settings.readTimeout()))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .setTimeToLive(TimeValue.ofMinutes(5))
                        .build())
                .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(timeout(settings.readTimeout())).build())
                .setMaxConnPerRoute(Math.max(1, settings.perHostConcurrency()))
                .setMaxConnTotal(256)
                // TLS: the builder's default strategy verifies certificates and host names with the JVM's
                // trust store; it is deliberately not replaced.
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .disableRedirectHandling()      // followed by hand so every hop is checked
                .disableAutomaticRetries()      // retries are the scheduler's business, with backoff
                .disableCookieManagement()
                .disableContentCompression()    // decompressed by hand, under a cap
                .disableAuthCaching()
                .setUserAgent(settings.userAgent())
                .evictExpiredConnections()
                .evictIdleConnections(TimeValue.ofMinutes(1))
                .build();
        this.gates = new HostGates(settings.perHostConcurrency(), settings.perHostGap(), ticker);
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "nashra-fetch-deadline");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        this.watchdog = timer;
        this.robots = new RobotsCache(clock, productToken(settings.userAgent()), this::fetchRobotsTxt);
    }

    @Override
    public FetchResult fetch(FetchRequest request) {
        Stopwatch watch = new Stopwatch(ticker);
        try {
            return fetchFollowingRedirects(request, watch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(request.url(), FailureKind.IO, "GET " + request.url() + " was interrupted", 0, null, watch);
        } catch (RuntimeException e) {
            // A library bug must not take the other sources of the pass down with it.
            log.warn("{}: unexpected error fetching {}", request.sourceId(), request.url(), e);
            return failed(request.url(), FailureKind.IO, "GET " + request.url() + " failed unexpectedly: " + e,
                    0, null, watch);
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        client.close(CloseMode.GRACEFUL);
        connections.close(CloseMode.IMMEDIATE);
    }

    private FetchResult fetchFollowingRedirects(FetchRequest request, Stopwatch watch) throws InterruptedException {
        URI url = request.url();
        String bad = unsupportedScheme(url);
        URI current = null;
        if (bad == null) {
            try {
                current = RequestUris.toAscii(url);
                bad = unsupported(current);
            } catch (URISyntaxException | IllegalArgumentException e) {
                bad = "not a usable URL (" + e.getMessage() + ")";
            }
        }
        if (bad != null) {
            return failed(url, FailureKind.BAD_URL, url + " cannot be fetched: " + bad, 0, null, watch);
        }
        Deadline deadline = new Deadline(settings.totalDeadline());
        Set<String> seen = new LinkedHashSet<>();
        seen.add(key(current));
        List<URI> chain = new ArrayList<>(List.of(current));
        boolean allPermanent = true;
        while (true) {
            if (request.checkRobots()) {
                RobotsCache.Verdict verdict = robots.check(current);
                if (!verdict.allowed()) {
                    return failed(url, FailureKind.ROBOTS_DISALLOWED, verdict.detail(), 0, null, watch);
                }
            }
            Hop hop = executeHop(request, current, deadline, watch, chain.size() > 1, allPermanent);
            if (hop instanceof Hop.Done done) {
                return done.result();
            }
            Hop.Redirect redirect = (Hop.Redirect) hop;
            URI next = redirect.location();
            String nextBad = unsupported(next);
            if (nextBad != null) {
                return failed(url, FailureKind.BAD_URL, current + " redirected to " + next + ", which cannot be"
                        + " fetched: " + nextBad, redirect.status(), null, watch);
            }
            chain.add(next);
            if (!seen.add(key(next))) {
                return failed(url, FailureKind.REDIRECT_LOOP, "redirect loop: " + describe(chain),
                        redirect.status(), null, watch);
            }
            if (chain.size() - 1 > settings.maxRedirects()) {
                return failed(url, FailureKind.TOO_MANY_REDIRECTS, "more than " + settings.maxRedirects()
                        + " redirects: " + describe(chain), redirect.status(), null, watch);
            }
            allPermanent &= redirect.status() == 301 || redirect.status() == 308;
            current = next;
        }
    }

    private sealed interface Hop {
        record Redirect(int status, URI location) implements Hop {}

        record Done(FetchResult result) implements Hop {}
    }

    /** Thrown from inside the body read when a limit is crossed; carries the failure to report. */
    private static final class LimitExceeded extends IOException {
        final FailureKind kind;

        LimitExceeded(FailureKind kind, String message) {
            super(message);
            this.kind = kind;
        }
    }

    /**
     * The total deadline of one fetch. It starts when the first request may go out, so time spent queueing
     * politely behind other sources of the same host does not count against this one; later hops count.
     */
    private static final class Deadline {
        private final long budgetNanos;
        private long at;
        private boolean started;

        Deadline(Duration budget) {
            this.budgetNanos = budget.toNanos();
        }

        long startOrGet() {
            if (!started) {
                at = System.nanoTime() + budgetNanos;
                started = true;
            }
            return at;
        }
    }

    private Hop executeHop(FetchRequest request, URI uri, Deadline budget, Stopwatch watch, boolean redirected,
                          boolean allPermanent)
            throws InterruptedException {
        URI url = request.url();
        HostGates.Admission gate = gates.enter(uri.getHost());
        watch.waited(gate.waited());
        try {
            long deadline = budget.startOrGet();
            String where = redirected ? "GET " + uri + " (redirected from " + url + ")" : "GET " + url;
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return new Hop.Done(timedOut(url, where, watch));
            }
            HttpGet get = newGet(request, uri, remaining);
            AtomicBoolean cutOff = new AtomicBoolean();
            // The read timeout only bounds the gap between two packets; this bounds the whole exchange.
            ScheduledFuture<?> timer = watchdog.schedule(() -> {
                cutOff.set(true);
                get.cancel();
            }, remaining, TimeUnit.NANOSECONDS);
            ClassicHttpResponse response = null;
            try {
                response = client.executeOpen(RoutingSupport.determineHost(get), get, HttpClientContext.create());
                return handle(request, uri, where, get, response, deadline, watch, redirected && allPermanent);
            } catch (LimitExceeded e) {
                get.cancel();
                return new Hop.Done(failed(url, e.kind, e.getMessage(), 200, null, watch));
            } catch (IOException | HttpException e) {
                if (cutOff.get() || System.nanoTime() - deadline >= 0) {
                    return new Hop.Done(timedOut(url, where, watch));
                }
                return new Hop.Done(fromException(url, uri, where, e, watch));
            } finally {
                timer.cancel(false);
                closeQuietly(response);
            }
        } finally {
            gate.leave();
        }
    }

    private HttpGet newGet(FetchRequest request, URI uri, long remainingNanos) {
        HttpGet get = new HttpGet(uri);
        long readMillis = Math.min(settings.readTimeout().toMillis(), TimeUnit.NANOSECONDS.toMillis(remainingNanos));
        get.setConfig(RequestConfig.custom()
                .setRedirectsEnabled(false)
                .setContentCompressionEnabled(false)
                .setResponseTimeout(Timeout.ofMilliseconds(Math.max(1, readMillis)))
                .setConnectionRequestTimeout(Timeout.ofMilliseconds(Math.max(1, readMillis)))
                .build());
        get.setHeader("Accept", ACCEPT);
        get.setHeader("Accept-Encoding", "gzip, deflate");
        Validators v = request.validators();
        if (v.etag() != null && !v.etag().isBlank()) {
            get.setHeader("If-None-Match", v.etag());
        }
        if (v.lastModified() != null && !v.lastModified().isBlank()) {
            get.setHeader("If-Modified-Since", v.lastModified());
        }
        return get;
    }

    private Hop handle(FetchRequest request, URI uri, String where, HttpGet get, ClassicHttpResponse response,
                       long deadline, Stopwatch watch, boolean permanent) throws IOException {
        URI url = request.url();
        int status = response.getCode();
        Duration maxAge = maxAge(response);
        if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
            get.cancel(); // a redirect body is never read; do not drain it
            Header location = response.getFirstHeader("Location");
            if (location == null || location.getValue().isBlank()) {
                return new Hop.Done(failed(url, FailureKind.BAD_CONTENT, where + " answered " + status
                        + " without a Location header", status, null, watch));
            }
            try {
                return new Hop.Redirect(status, RequestUris.resolve(uri, location.getValue()));
            } catch (URISyntaxException | IllegalArgumentException e) {
                return new Hop.Done(failed(url, FailureKind.BAD_URL, where + " redirected to an unreadable"
                        + " Location '" + location.getValue() + "'", status, null, watch));
            }
        }
        if (status == 304) {
            if (!get.containsHeader("If-None-Match") && !get.containsHeader("If-Modified-Since")) {
                // RFC 9110 15.4.5: 304 answers a conditional request only; to a plain GET it says nothing usable
                return new Hop.Done(failed(url, FailureKind.BAD_CONTENT, where + " for source '" + request.sourceId()
                        + "' answered 304 Not Modified to a request without validators (no If-None-Match or"
                        + " If-Modified-Since was sent): there is no body to read", status, null, watch));
            }
            Validators old = request.validators();
            Validators fresh = new Validators(header(response, "ETag", old.etag()),
                    header(response, "Last-Modified", old.lastModified()), old.bodyHash());
            return new Hop.Done(new NotModified(url, status, "304 Not Modified", fresh, maxAge, watch.elapsed(), watch.waited()));
        }
        if (status < 200 || status >= 300) {
            get.cancel(); // error pages are not worth a connection's worth of reading
            return new Hop.Done(statusFailure(url, where, status, response, watch));
        }
        HttpEntity entity = response.getEntity();
        byte[] bytes = entity == null ? new byte[0] : readCapped(where, entity, deadline);
        Body body = new Body(bytes);
        String hash = body.sha256();
        Validators validators = new Validators(header(response, "ETag", null), header(response, "Last-Modified", null),
                hash);
        if (hash.equals(request.validators().bodyHash())) {
            return new Hop.Done(new NotModified(url, status, "unchanged body", validators, maxAge, watch.elapsed(), watch.waited()));
        }
        String contentType = header(response, "Content-Type", null);
        CharsetResolver.Decision charset = charsets.resolve(bytes, headerCharset(contentType),
                request.encodingOverride());
        // a permanent move is the result's to say (the pass logs it once, with what it does about it)
        return new Hop.Done(new Fetched(url, uri, status, contentType, body, charset.charset(), charset.reason(),
                validators, maxAge, permanent, watch.elapsed(), watch.waited()));
    }

    private Failed statusFailure(URI url, String where, int status, ClassicHttpResponse response, Stopwatch watch) {
        String answered = where + " answered " + status + " " + reason(status);
        if (status == 410) {
            return failed(url, FailureKind.GONE, answered + ": the resource was removed for good; pause the source",
                    status, null, watch);
        }
        // Retry-After is honoured on both (RFC 9110 10.2.3), but only 429 says we asked too often (RFC 6585 4);
        // 503 says the server is unavailable, whoever asks.
        Duration retryAfter = retryAfter(header(response, "Retry-After", null), clock.instant());
        if (status == 429) {
            String wait = retryAfter == null ? " with no Retry-After" : "; asked to retry after "
                    + retryAfter.toSeconds() + " s";
            return failed(url, FailureKind.RATE_LIMITED, answered + wait, status, retryAfter, watch);
        }
        if (status == 503 && retryAfter != null) {
            return failed(url, FailureKind.HTTP_SERVER_ERROR, answered + "; asked to retry after "
                    + retryAfter.toSeconds() + " s", status, retryAfter, watch);
        }
        if (status >= 400 && status < 500) {
            return failed(url, FailureKind.HTTP_CLIENT_ERROR, answered, status, null, watch);
        }
        return failed(url, FailureKind.HTTP_SERVER_ERROR, answered, status, null, watch);
    }

    /** Reads the body under both caps and the deadline, decompressing gzip/deflate by hand. */
    private byte[] readCapped(String where, HttpEntity entity, long deadline) throws IOException {
        long declared = entity.getContentLength();
        if (declared > settings.maxBodyBytes()) {
            throw new LimitExceeded(FailureKind.TOO_LARGE, where + " announced a body of " + declared
                    + " bytes (Content-Length), more than the cap of " + settings.maxBodyBytes() + " bytes");
        }
        String encoding = entity.getContentEncoding() == null ? "identity"
                : entity.getContentEncoding().strip().toLowerCase(Locale.ROOT);
        boolean compressed = !encoding.isEmpty() && !encoding.equals("identity");
        try (InputStream raw = new CappedInputStream(entity.getContent(), settings.maxBodyBytes(), deadline,
                () -> new LimitExceeded(FailureKind.TOO_LARGE, where + " sent more than the cap of "
                        + settings.maxBodyBytes() + " bytes"));
             InputStream decoded = Decompression.wrap(encoding, raw, where)) {
            long cap = compressed ? settings.maxDecompressedBytes() : settings.maxBodyBytes();
            return readAll(decoded, cap, deadline, () -> new LimitExceeded(FailureKind.DECOMPRESSION_BOMB,
                    where + " sent a " + encoding + " body that expands past the cap of "
                            + settings.maxDecompressedBytes() + " bytes"));
        } catch (Decompression.Unsupported e) {
            throw new LimitExceeded(FailureKind.BAD_CONTENT, e.getMessage());
        } catch (java.util.zip.ZipException e) {
            throw new LimitExceeded(FailureKind.BAD_CONTENT, where + " sent a corrupt " + encoding + " body: "
                    + e.getMessage());
        }
    }

    private static byte[] readAll(InputStream in, long cap, long deadline,
                                  java.util.function.Supplier<LimitExceeded> tooMuch) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(BUFFER);
        byte[] buf = new byte[BUFFER];
        long total = 0;
        int n;
        while ((n = in.read(buf)) >= 0) {
            total += n;
            if (total > cap) {
                throw tooMuch.get();
            }
            out.write(buf, 0, n);
            CappedInputStream.checkDeadline(deadline);
        }
        return out.toByteArray();
    }

    private Failed fromException(URI url, URI hopUri, String where, Exception e, Stopwatch watch) {
        BlockedAddressException blocked = causeOf(e, BlockedAddressException.class);
        if (blocked != null) {
            return failed(url, FailureKind.BLOCKED_ADDRESS, where + " refused: " + blocked.getMessage(), 0, null, watch);
        }
        if (e instanceof CappedInputStream.DeadlinePassed) {
            return timedOut(url, where, watch);
        }
        if (causeOf(e, UnknownHostException.class) != null) {
            return failed(url, FailureKind.DNS, where + " failed: host " + hopUri.getHost() + " could not be resolved",
                    0, null, watch);
        }
        if (causeOf(e, ConnectTimeoutException.class) != null) {
            return failed(url, FailureKind.TIMEOUT, where + " failed: no connection within "
                    + settings.connectTimeout().toMillis() + " ms (connect timeout)", 0, null, watch);
        }
        if (causeOf(e, SocketTimeoutException.class) != null) {
            return failed(url, FailureKind.TIMEOUT, where + " failed: the server sent nothing for "
                    + settings.readTimeout().toMillis() + " ms (read timeout)", 0, null, watch);
        }
        if (causeOf(e, SSLException.class) != null) {
            return failed(url, FailureKind.TLS, where + " failed: TLS handshake or certificate check failed: "
                    + causeOf(e, SSLException.class).getMessage(), 0, null, watch);
        }
        if (e instanceof HttpHostConnectException || causeOf(e, ConnectException.class) != null
                || causeOf(e, NoRouteToHostException.class) != null) {
            return failed(url, FailureKind.CONNECT, where + " failed: could not connect to " + hopUri.getHost()
                    + (hopUri.getPort() > 0 ? ":" + hopUri.getPort() : "") + " (" + e.getMessage() + ")",
                    0, null, watch);
        }
        if (causeOf(e, NoHttpResponseException.class) != null) {
            return failed(url, FailureKind.IO, where + " failed: the server closed the connection without"
                    + " answering", 0, null, watch);
        }
        SocketException socket = causeOf(e, SocketException.class);
        if (socket != null && String.valueOf(socket.getMessage()).toLowerCase(Locale.ROOT).contains("reset")) {
            return failed(url, FailureKind.IO, where + " failed: the connection was reset by the server",
                    0, null, watch);
        }
        if (e instanceof InterruptedIOException) {
            return timedOut(url, where, watch);
        }
        return failed(url, FailureKind.IO, where + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                0, null, watch);
    }

    private Failed timedOut(URI url, String where, Stopwatch watch) {
        return failed(url, FailureKind.TIMEOUT, where + " was cut off: no complete answer within the total deadline"
                + " of " + settings.totalDeadline().toMillis() + " ms", 0, null, watch);
    }

    /** Fetches robots.txt through the same gates, limits and DNS guard; never itself subject to robots. */
    private FetchResult fetchRobotsTxt(URI robotsUrl) {
        return fetch(new FetchRequest("robots.txt", robotsUrl, Validators.NONE, "UTF-8", false));
    }

    private Failed failed(URI url, FailureKind kind, String detail, int status, Duration retryAfter, Stopwatch watch) {
        return new Failed(url, kind, detail, status, retryAfter, watch.elapsed(), watch.waited());
    }

    /** One fetch's time: all of it, and the part spent at host gates. Confined to the fetching thread. */
    private static final class Stopwatch {
        private final HostGates.Ticker ticker;
        private final long startedNanos;
        private long waitedNanos;

        Stopwatch(HostGates.Ticker ticker) {
            this.ticker = ticker;
            this.startedNanos = ticker.nanoTime();
        }

        void waited(Duration gateWait) {
            waitedNanos += gateWait.toNanos();
        }

        Duration elapsed() {
            return Duration.ofNanos(ticker.nanoTime() - startedNanos);
        }

        Duration waited() {
            return Duration.ofNanos(waitedNanos);
        }
    }

    /** Why a URL may not be fetched at all, or null. */
    private static String unsupported(URI url) {
        String scheme = unsupportedScheme(url);
        if (scheme != null) {
            return scheme;
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            return "no host name";
        }
        return null;
    }

    private static String unsupportedScheme(URI url) {
        if (!url.isAbsolute()) {
            return "not an absolute URL";
        }
        if (url.isOpaque()) {
            return "scheme '" + url.getScheme() + "' is not allowed, only http and https are";
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "scheme '" + url.getScheme() + "' is not allowed, only http and https are";
        }
        return null;
    }

    /** Identity of a URL for loop detection: case-insensitive scheme and host, default port, no fragment. */
    private static String key(URI u) {
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        int port = u.getPort() >= 0 ? u.getPort() : scheme.equals("https") ? 443 : 80;
        String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        String query = u.getRawQuery() == null ? "" : "?" + u.getRawQuery();
        return scheme + "://" + String.valueOf(u.getHost()).toLowerCase(Locale.ROOT) + ":" + port + path + query;
    }

    private static String describe(List<URI> chain) {
        StringBuilder sb = new StringBuilder();
        for (URI u : chain) {
            sb.append(sb.length() == 0 ? "" : " -> ").append(u);
        }
        return sb.toString();
    }

    private static String header(ClassicHttpResponse response, String name, String fallback) {
        Header h = response.getFirstHeader(name);
        return h == null || h.getValue() == null || h.getValue().isBlank() ? fallback : h.getValue().strip();
    }

    private static String headerCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = CHARSET_PARAM.matcher(contentType);
        return m.find() ? m.group(1) : null;
    }

    private static Duration maxAge(ClassicHttpResponse response) {
        for (Header h : response.getHeaders("Cache-Control")) {
            String v = h.getValue() == null ? "" : h.getValue().toLowerCase(Locale.ROOT);
            if (v.contains("no-store") || v.contains("no-cache")) {
                return null;
            }
            Matcher m = MAX_AGE.matcher(v);
            if (m.find()) {
                try {
                    return Duration.ofSeconds(Long.parseLong(m.group(1)));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** Retry-After as delay-seconds or an HTTP-date (RFC 9110 10.2.3); null when absent or unreadable. */
    static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(v));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        Instant at = DateUtils.parseStandardDate(v);
        if (at == null) {
            return null;
        }
        Duration d = Duration.between(now, at);
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static String reason(int status) {
        String r = EnglishReasonPhraseCatalog.INSTANCE.getReason(status, Locale.ROOT);
        return r == null ? "" : "(" + r + ")";
    }

    static String productToken(String userAgent) {
        String ua = userAgent == null ? "" : userAgent.strip();
        int end = 0;
        while (end < ua.length() && ua.charAt(end) != '/' && !Character.isWhitespace(ua.charAt(end))) {
            end++;
        }
        return end == 0 ? "*" : ua.substring(0, end);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return (T) t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** After a cancel the close fails by design; after a full read it hands the connection back to the pool. */
    private static void closeQuietly(ClassicHttpResponse response) {
        if (response != null) {
            try {
                response.close();
            } catch (IOException | RuntimeException ignored) {
                // the exchange already has its outcome
            }
        }
    }

    private static Timeout timeout(Duration d) {
        return Timeout.ofMilliseconds(Math.max(1, d.toMillis()));
    }
}
