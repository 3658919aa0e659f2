package org.nashra.fetch;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.nashra.config.FetchSettings;
import org.nashra.fetch.FetchResult.Failed;
import org.nashra.fetch.FetchResult.Fetched;
import org.nashra.fetch.FetchResult.NotModified;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** The fetch stage against a real HTTP server on loopback. */
class HttpFetcherIT {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String UA = "NashraTest/1.0 (+https://nashra.invalid/contact)";
    static final String ARABIC = CharsetResolverTest.ARABIC;
    static final Charset CP1256 = Charset.forName("windows-1256");

    static WireMockServer server;

    HttpFetcher fetcher;

    @BeforeAll
    static void start() {
        // HttpClient's wire log at DEBUG would print every body of every test
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.apache.hc"))
                .setLevel(ch.qos.logback.classic.Level.INFO);
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("wiremock"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.eclipse"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        server = new WireMockServer(options().dynamicPort().dynamicHttpsPort().bindAddress("127.0.0.1")
                .gzipDisabled(true));
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
        fetcher = new HttpFetcher(settings(), CLOCK);
    }

    @AfterEach
    void close() {
        fetcher.close();
    }

    static FetchSettings settings() {
        return new FetchSettings(Duration.ofSeconds(1), Duration.ofMillis(1500), Duration.ofSeconds(2),
                1024 * 1024, 1024 * 1024, 3, UA, List.of("127.0.0.1", "localhost"), 2, Duration.ZERO,
                Duration.ofHours(1));
    }

    static FetchSettings with(FetchSettings s, int perHost, Duration gap, List<String> allow) {
        return new FetchSettings(s.connectTimeout(), s.readTimeout(), s.totalDeadline(), s.maxBodyBytes(),
                s.maxDecompressedBytes(), s.maxRedirects(), s.userAgent(), allow, perHost, gap, s.maxBackoff());
    }

    static URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    static FetchRequest request(String path) {
        return FetchRequest.of("test-source", url(path));
    }

    static String rss(String encodingDecl) {
        return "<?xml version=\"1.0\" encoding=\"" + encodingDecl + "\"?><rss version=\"2.0\"><channel><title>نشرة"
                + "</title><item><title>خبر عاجل</title><description>" + ARABIC + "</description></item>"
                + "</channel></rss>";
    }

    static void serve(String path, byte[] body, String contentType) {
        server.stubFor(get(path).willReturn(aResponse().withStatus(200).withHeader("Content-Type", contentType)
                .withBody(body)));
    }

    static Fetched fetched(FetchResult r) {
        assertThat(r).isInstanceOf(Fetched.class);
        return (Fetched) r;
    }

    static Failed failed(FetchResult r, FailureKind kind) {
        assertThat(r).isInstanceOf(Failed.class);
        Failed f = (Failed) r;
        assertThat(f.kind()).as(f.message()).isEqualTo(kind);
        return f;
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    @Nested
    class ConditionalGet {

        @Test
        void aPlainBodyComesBackWithItsValidatorsAndTheUserAgentIsSent() {
            server.stubFor(get("/feed.xml").willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/rss+xml; charset=utf-8")
                    .withHeader("ETag", "\"v1\"").withHeader("Last-Modified", "Sun, 01 Mar 2026 09:00:00 GMT")
                    .withHeader("Cache-Control", "public, max-age=600")
                    .withBody(rss("UTF-8").getBytes(StandardCharsets.UTF_8))));

            Fetched f = fetched(fetcher.fetch(request("/feed.xml")));

            assertThat(f.status()).isEqualTo(200);
            assertThat(f.text()).contains("خبر عاجل").contains("وزارة الخارجية");
            assertThat(f.charset()).isEqualTo(StandardCharsets.UTF_8);
            assertThat(f.charsetReason()).isEqualTo("header");
            assertThat(f.validators().etag()).isEqualTo("\"v1\"");
            assertThat(f.validators().lastModified()).isEqualTo("Sun, 01 Mar 2026 09:00:00 GMT");
            assertThat(f.validators().bodyHash()).isEqualTo(f.body().sha256());
            assertThat(f.maxAge()).isEqualTo(Duration.ofMinutes(10));
            assertThat(f.permanentRedirect()).isFalse();
            server.verify(getRequestedFor(urlEqualTo("/feed.xml")).withHeader("User-Agent", equalTo(UA))
                    .withHeader("Accept-Encoding", equalTo("gzip, deflate"))
                    .withoutHeader("Cookie"));
        }

        @Test
        void validatorsAreSentAnd304IsNotModified() {
            server.stubFor(get("/feed.xml").withHeader("If-None-Match", equalTo("\"v1\""))
                    .withHeader("If-Modified-Since", equalTo("Sun, 01 Mar 2026 09:00:00 GMT"))
                    .willReturn(aResponse().withStatus(304).withHeader("ETag", "\"v1\"")));
            Validators v = new Validators("\"v1\"", "Sun, 01 Mar 2026 09:00:00 GMT", "abc");

            FetchResult r = fetcher.fetch(new FetchRequest("s", url("/feed.xml"), v, null, false));

            assertThat(r).isInstanceOf(NotModified.class);
            NotModified nm = (NotModified) r;
            assertThat(nm.reason()).isEqualTo("304 Not Modified");
            assertThat(nm.status()).isEqualTo(304);
            assertThat(nm.validators()).isEqualTo(v);
        }

        /** QA run: a server answering 304 to a plain GET was counted as a successful pass. */
        @Test
        void a304ToARequestWithoutValidatorsIsAFailureThatSaysSo() {
            server.stubFor(get("/always-304.xml").willReturn(aResponse().withStatus(304)));

            Failed f = failed(fetcher.fetch(new FetchRequest("rafidain", url("/always-304.xml"),
                    new Validators(null, null, "abc"), null, false)), FailureKind.BAD_CONTENT);

            assertThat(f.status()).isEqualTo(304);
            assertThat(f.detail()).contains("rafidain").contains(url("/always-304.xml").toString())
                    .contains("answered 304 Not Modified to a request without validators");
            server.verify(getRequestedFor(urlEqualTo("/always-304.xml")).withoutHeader("If-None-Match")
                    .withoutHeader("If-Modified-Since"));
        }

        @Test
        void aServerThatIgnoresValidatorsIsCaughtByTheBodyHash() {
            serve("/ignores.xml", rss("UTF-8").getBytes(StandardCharsets.UTF_8), "application/rss+xml");

            Fetched first = fetched(fetcher.fetch(request("/ignores.xml")));
            FetchResult second = fetcher.fetch(new FetchRequest("s", url("/ignores.xml"), first.validators(), null,
                    false));

            assertThat(second).isInstanceOf(NotModified.class);
            assertThat(((NotModified) second).reason()).isEqualTo("unchanged body");
            assertThat(((NotModified) second).status()).as("what the server answered").isEqualTo(200);
            assertThat(((NotModified) second).validators().bodyHash()).isEqualTo(first.validators().bodyHash());

            serve("/ignores.xml", rss("UTF-8").replace("خبر عاجل", "خبر جديد").getBytes(StandardCharsets.UTF_8),
                    "application/rss+xml");
            assertThat(fetcher.fetch(new FetchRequest("s", url("/ignores.xml"), first.validators(), null, false)))
                    .isInstanceOf(Fetched.class);
        }
    }

    @Nested
    class Encodings {

        @Test
        void windows1256DeclaredInTheHeader() {
            serve("/cp1256.xml", rss("windows-1256").getBytes(CP1256), "application/rss+xml; charset=windows-1256");
            Fetched f = fetched(fetcher.fetch(request("/cp1256.xml")));
            assertThat(f.charset()).isEqualTo(CP1256);
            assertThat(f.text()).contains("وزارة الخارجية");
        }

        @Test
        void iso88596DeclaredOnlyInTheXmlDeclaration() {
            Charset iso = Charset.forName("ISO-8859-6");
            serve("/iso.xml", rss("ISO-8859-6").getBytes(iso), "application/rss+xml");
            Fetched f = fetched(fetcher.fetch(request("/iso.xml")));
            assertThat(f.charset()).isEqualTo(iso);
            assertThat(f.charsetReason()).isEqualTo("xml-declaration");
            assertThat(f.text()).contains("وزارة الخارجية");
        }

        @Test
        void utf8WithBom() {
            byte[] body = ("\uFEFF" + rss("UTF-8")).getBytes(StandardCharsets.UTF_8);
            serve("/bom.xml", body, "application/xml");
            Fetched f = fetched(fetcher.fetch(request("/bom.xml")));
            assertThat(f.charsetReason()).isEqualTo("bom");
            assertThat(f.text()).startsWith("<?xml").contains("وزارة الخارجية");
        }

        @Test
        void utf16WithBom() {
            serve("/utf16.xml", rss("UTF-16").getBytes(StandardCharsets.UTF_16), "application/xml");
            Fetched f = fetched(fetcher.fetch(request("/utf16.xml")));
            assertThat(f.charset()).isEqualTo(StandardCharsets.UTF_16BE);
            assertThat(f.text()).startsWith("<?xml").contains("وزارة الخارجية");
        }

        @Test
        void headerSaysIso88591ButTheBytesAreWindows1256() {
            String page = "<html lang=\"ar\"><head><title>خبر</title></head><body><p>" + ARABIC + "</p></body></html>";
            serve("/mislabelled.html", page.getBytes(CP1256), "text/html; charset=ISO-8859-1");
            Fetched f = fetched(fetcher.fetch(request("/mislabelled.html")));
            assertThat(f.charset()).isEqualTo(CP1256);
            assertThat(f.charsetReason()).startsWith("detected: header said ISO-8859-1");
            assertThat(f.text()).contains("وزارة الخارجية").contains("التعاون الاقتصادي");
        }

        @Test
        void perSourceOverrideWins() {
            serve("/override.html", ("<p>" + ARABIC + "</p>").getBytes(CP1256), "text/html; charset=utf-8");
            Fetched f = fetched(fetcher.fetch(new FetchRequest("s", url("/override.html"), null, "windows-1256", false)));
            assertThat(f.charsetReason()).isEqualTo("override");
            assertThat(f.text()).contains("وزارة الخارجية");
        }
    }

    @Nested
    class ArabicUrls {

        final String slug = java.net.URLEncoder.encode("أخبار", StandardCharsets.UTF_8);

        @Test
        void anArabicPathGoesOutPercentEncoded() {
            serve("/" + slug + "/1", rss("UTF-8").getBytes(StandardCharsets.UTF_8), "application/rss+xml");
            Fetched f = fetched(fetcher.fetch(FetchRequest.of("s",
                    URI.create("http://127.0.0.1:" + server.port() + "/أخبار/1"))));
            assertThat(f.url()).hasToString("http://127.0.0.1:" + server.port() + "/أخبار/1");
            assertThat(f.text()).contains("وزارة الخارجية");
        }

        @Test
        void anArabicRedirectLocationIsFollowed() {
            // servers write the UTF-8 bytes of the slug raw into the header; Jetty writes header chars as
            // ISO-8859-1, so handing it the Latin-1 reading of those bytes puts exactly them on the wire
            String raw = new String("/أخبار/2".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            server.stubFor(get("/moved").willReturn(aResponse().withStatus(302).withHeader("Location", raw)));
            serve("/" + slug + "/2", rss("UTF-8").getBytes(StandardCharsets.UTF_8), "application/rss+xml");
            Fetched f = fetched(fetcher.fetch(request("/moved")));
            assertThat(f.finalUrl()).hasToString(url("/" + slug + "/2").toString());
        }

        @Test
        void anArabicDomainNameIsLookedUpInItsAsciiForm() {
            String ascii = java.net.IDN.toASCII("مثال.إختبار");
            GuardedDnsResolver.Lookup lookup = host -> {
                if (!host.equals(ascii)) {
                    throw new UnknownHostException(host);
                }
                return new InetAddress[]{InetAddress.getLoopbackAddress()};
            };
            serve("/feed.xml", rss("UTF-8").getBytes(StandardCharsets.UTF_8), "application/rss+xml");
            // the operator may write the allow-list entry in Arabic too
            try (HttpFetcher f = new HttpFetcher(with(settings(), 2, Duration.ZERO, List.of("مثال.إختبار")), CLOCK,
                    lookup)) {
                fetched(f.fetch(FetchRequest.of("s", URI.create("http://مثال.إختبار:" + server.port() + "/feed.xml"))));
            }
        }
    }

    @Nested
    class Limits {

        @Test
        void gzipBodiesAreDecoded() throws IOException {
            server.stubFor(get("/gz.xml").willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/rss+xml; charset=utf-8")
                    .withHeader("Content-Encoding", "gzip").withBody(gzip(rss("UTF-8").getBytes(StandardCharsets.UTF_8)))));
            Fetched f = fetched(fetcher.fetch(request("/gz.xml")));
            assertThat(f.text()).contains("وزارة الخارجية");
        }

        @Test
        void deflateBodiesAreDecodedWithOrWithoutTheZlibWrapper() throws IOException {
            byte[] text = rss("UTF-8").getBytes(StandardCharsets.UTF_8);
            for (boolean raw : new boolean[]{false, true}) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (java.util.zip.DeflaterOutputStream d = new java.util.zip.DeflaterOutputStream(out,
                        new java.util.zip.Deflater(java.util.zip.Deflater.DEFAULT_COMPRESSION, raw))) {
                    d.write(text);
                }
                server.stubFor(get("/deflate.xml").willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/rss+xml; charset=utf-8")
                        .withHeader("Content-Encoding", "deflate").withBody(out.toByteArray())));
                assertThat(fetched(fetcher.fetch(request("/deflate.xml"))).text()).as("raw=" + raw)
                        .contains("وزارة الخارجية");
            }
        }

        @Test
        void anEncodingWeDidNotAskForIsBadContent() {
            server.stubFor(get("/br.xml").willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Encoding", "br").withBody(new byte[]{1, 2, 3})));
            Failed f = failed(fetcher.fetch(request("/br.xml")), FailureKind.BAD_CONTENT);
            assertThat(f.detail()).contains("'br'");
        }

        @Test
        void aGzipBombEndsAsAFailureNotAnOutOfMemory() throws IOException {
            byte[] bomb = gzip(new byte[64 * 1024 * 1024]); // 64 MiB of zeros, about 64 KiB on the wire
            assertThat((long) bomb.length).isLessThan(settings().maxBodyBytes()); // passes the wire cap
            server.stubFor(get("/bomb.xml").willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Encoding", "gzip").withBody(bomb)));

            Failed f = failed(fetcher.fetch(request("/bomb.xml")), FailureKind.DECOMPRESSION_BOMB);
            assertThat(f.detail()).contains(url("/bomb.xml").toString()).contains("expands past the cap");
        }

        @Test
        void anOversizedBodyIsRefusedOnContentLength() {
            server.stubFor(get("/big.xml").willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Length", String.valueOf(2 * 1024 * 1024)).withBody(new byte[2 * 1024 * 1024])));
            Failed f = failed(fetcher.fetch(request("/big.xml")), FailureKind.TOO_LARGE);
            assertThat(f.detail()).contains("Content-Length").contains(url("/big.xml").toString());
        }

        @Test
        void anOversizedBodyWithoutContentLengthIsCutOffOnTheStream() {
            // Chunked transfer (no Content-Length): the cap must hold on the bytes actually read.
            server.stubFor(get("/big-chunked.xml").willReturn(aResponse().withStatus(200)
                    .withBody(new byte[2 * 1024 * 1024]).withChunkedDribbleDelay(16, 200)));
            Failed f = failed(fetcher.fetch(request("/big-chunked.xml")), FailureKind.TOO_LARGE);
            assertThat(f.detail()).contains("sent more than the cap");
        }

        @Test
        void aServerThatDripsIsCutOffAtTheTotalDeadline() {
            // 40 bytes over 20 s: each chunk arrives well within the read timeout, only the deadline stops it.
            server.stubFor(get("/drip.xml").willReturn(aResponse().withStatus(200)
                    .withBody(new byte[40]).withChunkedDribbleDelay(40, 20_000)));

            Failed f = failed(fetcher.fetch(request("/drip.xml")), FailureKind.TIMEOUT);
            assertThat(f.detail()).contains("total deadline").contains(url("/drip.xml").toString());
            assertThat(f.elapsed()).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Nested
    class Redirects {

        void redirect(String from, int status, String to) {
            server.stubFor(get(from).willReturn(aResponse().withStatus(status).withHeader("Location", to)));
        }

        @Test
        void aLoopIsDetected() {
            redirect("/loop-a", 302, "/loop-b");
            redirect("/loop-b", 302, url("/loop-a").toString());
            Failed f = failed(fetcher.fetch(request("/loop-a")), FailureKind.REDIRECT_LOOP);
            assertThat(f.detail()).contains("/loop-a -> ").contains("/loop-b");
        }

        @Test
        void theRedirectCapHolds() {
            for (int i = 0; i < 10; i++) {
                redirect("/hop/" + i, 302, "/hop/" + (i + 1));
            }
            failed(fetcher.fetch(request("/hop/0")), FailureKind.TOO_MANY_REDIRECTS);
            server.verify(0, getRequestedFor(urlEqualTo("/hop/5")));
        }

        @Test
        void aPermanentRedirectIsFlaggedAndATemporaryOneIsNot() {
            redirect("/old.xml", 301, "/new.xml");
            redirect("/moved-for-now.xml", 302, "/new.xml");
            serve("/new.xml", rss("UTF-8").getBytes(StandardCharsets.UTF_8), "application/rss+xml");

            Fetched permanent = fetched(fetcher.fetch(request("/old.xml")));
            assertThat(permanent.permanentRedirect()).isTrue();
            assertThat(permanent.url()).isEqualTo(url("/old.xml"));
            assertThat(permanent.finalUrl()).isEqualTo(url("/new.xml"));

            Fetched temporary = fetched(fetcher.fetch(request("/moved-for-now.xml")));
            assertThat(temporary.permanentRedirect()).isFalse();
            assertThat(temporary.finalUrl()).isEqualTo(url("/new.xml"));
        }
    }

    @Nested
    class StatusCodes {

        @Test
        void gone() {
            server.stubFor(get("/gone.xml").willReturn(aResponse().withStatus(410)));
            Failed f = failed(fetcher.fetch(request("/gone.xml")), FailureKind.GONE);
            assertThat(f.status()).isEqualTo(410);
            assertThat(f.detail()).contains(url("/gone.xml").toString()).contains("410");
        }

        @Test
        void tooManyRequestsWithRetryAfterSeconds() {
            server.stubFor(get("/busy.xml").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));
            Failed f = failed(fetcher.fetch(request("/busy.xml")), FailureKind.RATE_LIMITED);
            assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(120));
            assertThat(f.status()).isEqualTo(429);
        }

        /** QA run: a 503 with Retry-After was labelled RATE_LIMITED; the server was down, not rationing us. */
        @Test
        void unavailableWithRetryAfterAsAnHttpDateIsAServerErrorThatStillSaysWhenToRetry() {
            String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(3600).atOffset(ZoneOffset.UTC));
            server.stubFor(get("/maint.xml").willReturn(aResponse().withStatus(503).withHeader("Retry-After", date)));
            Failed f = failed(fetcher.fetch(request("/maint.xml")), FailureKind.HTTP_SERVER_ERROR);
            assertThat(f.retryAfter()).isEqualTo(Duration.ofHours(1));
            assertThat(f.status()).isEqualTo(503);
            assertThat(f.detail()).contains("503 (Service Unavailable)").contains("retry after 3600 s");
        }

        @Test
        void unavailableWithoutRetryAfterIsTheSameKind() {
            server.stubFor(get("/down.xml").willReturn(aResponse().withStatus(503)));
            Failed f = failed(fetcher.fetch(request("/down.xml")), FailureKind.HTTP_SERVER_ERROR);
            assertThat(f.retryAfter()).isNull();
            assertThat(f.status()).isEqualTo(503);
        }

        @Test
        void serverAndClientErrorsKeepTheirStatus() {
            server.stubFor(get("/boom.xml").willReturn(aResponse().withStatus(500).withBody("oops")));
            server.stubFor(get("/missing.xml").willReturn(aResponse().withStatus(404)));
            Failed f = failed(fetcher.fetch(request("/boom.xml")), FailureKind.HTTP_SERVER_ERROR);
            assertThat(f.status()).isEqualTo(500);
            assertThat(f.detail()).contains("500").contains(url("/boom.xml").toString());
            assertThat(failed(fetcher.fetch(request("/missing.xml")), FailureKind.HTTP_CLIENT_ERROR).status())
                    .isEqualTo(404);
        }

        @Test
        void aConnectionResetIsReportedPlainly() {
            server.stubFor(get("/reset.xml").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
            FetchResult r = fetcher.fetch(request("/reset.xml"));
            assertThat(r).isInstanceOf(Failed.class);
            Failed f = (Failed) r;
            assertThat(f.kind()).isIn(FailureKind.IO, FailureKind.CONNECT);
            assertThat(f.detail()).contains(url("/reset.xml").toString()).containsAnyOf("reset", "closed the connection");
        }

        @Test
        void nothingListeningIsAConnectFailure() throws IOException {
            int port;
            try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            Failed f = failed(fetcher.fetch(FetchRequest.of("s", URI.create("http://127.0.0.1:" + port + "/"))),
                    FailureKind.CONNECT);
            assertThat(f.detail()).contains("could not connect");
        }
    }

    @Nested
    class Safety {

        @Test
        void onlyHttpAndHttpsAreFetched() {
            for (String u : List.of("ftp://127.0.0.1/feed.xml", "file:///etc/passwd", "jar:file:/x.jar!/a",
                    "gopher://127.0.0.1:70/")) {
                Failed f = failed(fetcher.fetch(FetchRequest.of("s", URI.create(u))), FailureKind.BAD_URL);
                assertThat(f.detail()).contains(u);
            }
        }

        @Test
        void aRedirectToAnotherSchemeIsRefused() {
            server.stubFor(get("/to-file").willReturn(aResponse().withStatus(302).withHeader("Location", "file:///etc/passwd")));
            failed(fetcher.fetch(request("/to-file")), FailureKind.BAD_URL);
        }

        @Test
        void certificatesAreVerified() {
            // WireMock's HTTPS port presents a self-signed certificate: a verifying client must refuse it
            serve("/feed.xml", rss("UTF-8").getBytes(StandardCharsets.UTF_8), "application/rss+xml");
            Failed f = failed(fetcher.fetch(FetchRequest.of("s",
                    URI.create("https://localhost:" + server.httpsPort() + "/feed.xml"))), FailureKind.TLS);
            assertThat(f.detail()).contains("https://localhost:" + server.httpsPort()).contains("certificate");
            server.verify(0, getRequestedFor(urlEqualTo("/feed.xml")));
        }

        @Test
        void loopbackIsRefusedUnlessAllowed() {
            try (HttpFetcher strict = new HttpFetcher(with(settings(), 2, Duration.ZERO, List.of()), CLOCK)) {
                serve("/feed.xml", rss("UTF-8").getBytes(StandardCharsets.UTF_8), "application/rss+xml");
                Failed f = failed(strict.fetch(request("/feed.xml")), FailureKind.BLOCKED_ADDRESS);
                // QA run: the message named the Java field allowPrivateHosts, not the key an operator writes
                assertThat(f.detail()).contains("127.0.0.1 is a loopback address")
                        .contains("fetch.allow_private_hosts in the settings file (config/nashra.yml")
                        .doesNotContain("allowPrivateHosts");
                server.verify(0, getRequestedFor(urlEqualTo("/feed.xml")));
            }
        }

        @Test
        void aRedirectFromAnAllowedHostToLoopbackByAddressIsRefusedAtConnectTime() {
            // Only the name "localhost" is allowed; the redirect names 127.0.0.1, which the DNS step refuses.
            try (HttpFetcher f = new HttpFetcher(with(settings(), 2, Duration.ZERO, List.of("localhost")), CLOCK)) {
                server.stubFor(get("/jump").willReturn(aResponse().withStatus(302)
                        .withHeader("Location", "http://127.0.0.1:" + server.port() + "/secret")));
                serve("/secret", "secret".getBytes(StandardCharsets.UTF_8), "text/plain");

                Failed failed = failed(f.fetch(FetchRequest.of("s",
                        URI.create("http://localhost:" + server.port() + "/jump"))), FailureKind.BLOCKED_ADDRESS);
                assertThat(failed.detail()).contains("redirected from").contains("127.0.0.1");
                server.verify(1, getRequestedFor(urlEqualTo("/jump")));
                server.verify(0, getRequestedFor(urlEqualTo("/secret")));
            }
        }

        @Test
        void aNameThatResolvesToLoopbackIsRefusedOnARedirectHop() throws UnknownHostException {
            // Both names resolve to loopback (as a rebinding attacker's would); only the first is allowed.
            InetAddress loopback = InetAddress.getByAddress(new byte[]{127, 0, 0, 1});
            Map<String, InetAddress> dns = Map.of("feeds.allowed.test", loopback, "rebound.evil.test", loopback);
            GuardedDnsResolver.Lookup lookup = host -> {
                InetAddress a = dns.get(host);
                if (a == null) {
                    throw new UnknownHostException(host);
                }
                return new InetAddress[]{a};
            };
            try (HttpFetcher f = new HttpFetcher(with(settings(), 2, Duration.ZERO, List.of("feeds.allowed.test")),
                    CLOCK, lookup)) {
                serve("/feed.xml", rss("UTF-8").getBytes(StandardCharsets.UTF_8), "application/rss+xml");
                server.stubFor(get("/jump").willReturn(aResponse().withStatus(302)
                        .withHeader("Location", "http://rebound.evil.test:" + server.port() + "/secret")));

                fetched(f.fetch(FetchRequest.of("s", URI.create("http://feeds.allowed.test:" + server.port() + "/feed.xml"))));
                Failed failed = failed(f.fetch(FetchRequest.of("s",
                        URI.create("http://feeds.allowed.test:" + server.port() + "/jump"))), FailureKind.BLOCKED_ADDRESS);
                assertThat(failed.detail()).contains("rebound.evil.test resolves to 127.0.0.1");
                server.verify(0, getRequestedFor(urlEqualTo("/secret")));

                failed(f.fetch(FetchRequest.of("s", URI.create("http://nowhere.test:" + server.port() + "/"))),
                        FailureKind.DNS);
            }
        }
    }

    @Nested
    class Politeness {

        @Test
        void robotsTxtIsHonouredWhenAskedAndFetchedOncePerHost() {
            server.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(200).withBody("""
                    User-agent: *
                    Disallow: /private/

                    User-agent: SomeOtherBot
                    Disallow: /
                    """)));
            serve("/private/page.html", "<p>x</p>".getBytes(StandardCharsets.UTF_8), "text/html");
            serve("/public/page.html", "<p>y</p>".getBytes(StandardCharsets.UTF_8), "text/html");

            Failed f = failed(fetcher.fetch(new FetchRequest("site", url("/private/page.html"), null, null, true)),
                    FailureKind.ROBOTS_DISALLOWED);
            assertThat(f.detail()).contains("robots.txt").contains("/private/page.html").contains("NashraTest");
            fetched(fetcher.fetch(new FetchRequest("site", url("/public/page.html"), null, null, true)));
            // feeds are meant for machines: a source that does not ask for robots is not held to it
            fetched(fetcher.fetch(new FetchRequest("feed", url("/private/page.html"), null, null, false)));

            server.verify(1, getRequestedFor(urlEqualTo("/robots.txt")));
            server.verify(1, getRequestedFor(urlEqualTo("/private/page.html")));
        }

        @Test
        void anUnreadableRobotsTxtMeansDisallowAndSaysWhy() {
            server.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(503)));
            serve("/page.html", "<p>y</p>".getBytes(StandardCharsets.UTF_8), "text/html");
            Failed f = failed(fetcher.fetch(new FetchRequest("site", url("/page.html"), null, null, true)),
                    FailureKind.ROBOTS_DISALLOWED);
            assertThat(f.detail()).contains("robots.txt could not be read").contains("503");
            server.verify(0, getRequestedFor(urlEqualTo("/page.html")));
        }

        @Test
        void aBlockedHostReportsTheBlockNotRobots() {
            try (HttpFetcher strict = new HttpFetcher(with(settings(), 2, Duration.ZERO, List.of()), CLOCK)) {
                failed(strict.fetch(new FetchRequest("site", url("/page.html"), null, null, true)),
                        FailureKind.BLOCKED_ADDRESS);
            }
        }

        @Test
        void aMissingRobotsTxtAllowsEverything() {
            serve("/page.html", "<p>y</p>".getBytes(StandardCharsets.UTF_8), "text/html");
            fetched(fetcher.fetch(new FetchRequest("site", url("/page.html"), null, null, true)));
        }

        @Test
        void requestsToOneHostKeepTheGap() {
            long elapsedNanos;
            try (HttpFetcher polite = new HttpFetcher(with(settings(), 2, Duration.ofMillis(300),
                    List.of("127.0.0.1")), CLOCK)) {
                serve("/a.xml", "a".getBytes(StandardCharsets.UTF_8), "text/plain");
                long t0 = System.nanoTime();
                for (int i = 0; i < 3; i++) {
                    fetched(polite.fetch(request("/a.xml")));
                }
                elapsedNanos = System.nanoTime() - t0;
            }
            // the third request cannot start before two gaps have passed (a lower bound, so never flaky)
            assertThat(Duration.ofNanos(elapsedNanos)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
            server.verify(3, getRequestedFor(urlEqualTo("/a.xml")));
        }

        @Test
        void theWaitAtTheHostsGateIsReportedApartFromTheFetch() {
            // the gates' time moves only while they make a request wait: what a fetch reports waiting is exact
            HostGatesTest.FakeTicker time = new HostGatesTest.FakeTicker();
            try (HttpFetcher polite = new HttpFetcher(with(settings(), 2, Duration.ofSeconds(5), List.of("127.0.0.1")),
                    CLOCK, GuardedDnsResolver.system(), time)) {
                serve("/a.xml", "a".getBytes(StandardCharsets.UTF_8), "text/plain");
                FetchResult first = fetched(polite.fetch(request("/a.xml")));
                FetchResult second = fetched(polite.fetch(request("/a.xml")));
                assertThat(first.waited()).isZero();
                assertThat(second.waited()).as("the whole gap after the first").isEqualTo(Duration.ofSeconds(5));
                assertThat(second.elapsed()).isEqualTo(second.waited());
            }
        }

        @Test
        void concurrencyPerHostIsCapped() throws Exception {
            server.stubFor(get("/slow.xml").willReturn(aResponse().withStatus(200).withBody("s").withFixedDelay(400)));
            long elapsedNanos;
            try (HttpFetcher one = new HttpFetcher(with(settings(), 1, Duration.ZERO, List.of("127.0.0.1")), CLOCK)) {
                ExecutorService pool = Executors.newFixedThreadPool(2);
                try {
                    long t0 = System.nanoTime();
                    Future<FetchResult> a = pool.submit(() -> one.fetch(request("/slow.xml")));
                    Future<FetchResult> b = pool.submit(() -> one.fetch(request("/slow.xml")));
                    fetched(a.get());
                    fetched(b.get());
                    elapsedNanos = System.nanoTime() - t0;
                } finally {
                    pool.shutdownNow();
                }
            }
            // one at a time: two 400 ms answers back to back (in parallel they would take about 400 ms)
            assertThat(Duration.ofNanos(elapsedNanos)).isGreaterThanOrEqualTo(Duration.ofMillis(800));
        }
    }

    @Test
    void aFailingSourceDoesNotDisturbAHealthyOneInTheSamePass() throws Exception {
        server.stubFor(get("/drip.xml").willReturn(aResponse().withStatus(200)
                .withBody(new byte[40]).withChunkedDribbleDelay(40, 20_000)));
        server.stubFor(get("/reset.xml").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        serve("/healthy.xml", rss("UTF-8").getBytes(StandardCharsets.UTF_8), "application/rss+xml; charset=utf-8");

        // the drip outlives a deadline that leaves a cold or busy JVM time for the healthy fetch (2 s did not)
        FetchSettings s = settings();
        FetchSettings patient = new FetchSettings(s.connectTimeout(), s.readTimeout(), Duration.ofSeconds(10), s.maxBodyBytes(),
                s.maxDecompressedBytes(), s.maxRedirects(), s.userAgent(), s.allowPrivateHosts(), s.perHostConcurrency(),
                s.perHostGap(), s.maxBackoff());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (HttpFetcher both = new HttpFetcher(patient, CLOCK)) {
            Future<FetchResult> drip = pool.submit(() -> both.fetch(request("/drip.xml")));
            Future<FetchResult> healthy = pool.submit(() -> both.fetch(request("/healthy.xml")));
            Fetched ok = fetched(healthy.get());
            assertThat(drip.isDone()).as("the healthy source finished while the dripping one still hung").isFalse();
            assertThat(ok.text()).contains("وزارة الخارجية");
            failed(drip.get(), FailureKind.TIMEOUT);
        } finally {
            pool.shutdownNow();
        }
        // and sequentially, a reset right before does not poison the pooled connections
        assertThat(fetcher.fetch(request("/reset.xml"))).isInstanceOf(Failed.class);
        assertThat(fetched(fetcher.fetch(request("/healthy.xml"))).text()).contains("وزارة الخارجية");
    }
}
