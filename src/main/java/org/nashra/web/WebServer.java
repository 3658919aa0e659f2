package org.nashra.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.EndpointNotFound;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.nashra.config.ConfigStatus;
import org.nashra.config.FeedConfig;
import org.nashra.config.FeedsFile;
import org.nashra.config.HttpSettings;
import java.io.IOException;
import java.net.URI;
import org.nashra.publish.FeedFormat;
import org.nashra.publish.FeedWriter;
import org.nashra.publish.OpmlOutline;
import org.nashra.publish.OpmlWriter;
import org.nashra.publish.SourceRef;
import org.nashra.publish.StoryView;
import org.nashra.store.SourceRepository;
import org.nashra.store.SourceState;

/** The HTTP face: published feeds, the index page, the JSON API, health and metrics. */
public final class WebServer implements AutoCloseable {
    static final String TEXT = "text/plain; charset=utf-8";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final FeedService feeds;
    /** Replaced whole, with what is worked out from it, when serve applies an edit of feeds.yml. */
    private volatile Configured configured;
    /** Whether the running configuration is the files': shown on /healthz and /api/sources. */
    private volatile ConfigStatus configStatus = ConfigStatus.CURRENT;
    private final SourceRepository sources;
    private final PrometheusMeterRegistry metrics;
    private final HttpSettings http;
    private final Javalin app;
    private final Map<Instant, String> httpDates = new ConcurrentHashMap<>();

    /**
     * The configuration and what depends only on it, worked out once rather than per request: a poll
     * must cost little more than a map lookup.
     *
     * @param since OPML dateCreated: when this configuration was loaded
     */
    private record Configured(FeedsFile config, Map<String, FeedParams> defaultParams, Instant since) {
        static Configured of(FeedsFile config) {
            Map<String, FeedParams> params = new HashMap<>();
            for (FeedConfig f : config.feeds()) params.put(f.id(), FeedParams.defaults(f.limit()));
            return new Configured(config, Map.copyOf(params), Instant.now().truncatedTo(ChronoUnit.SECONDS));
        }
    }

    public WebServer(FeedService feeds, FeedsFile config, SourceRepository sources, PrometheusMeterRegistry metrics,
                     HttpSettings http) {
        this.feeds = feeds;
        this.configured = Configured.of(config);
        this.sources = sources;
        this.metrics = metrics;
        this.http = http;
        this.app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            // what a handler answers without naming a type; Javalin's default has no charset
            c.http.defaultContentType = TEXT;
            c.jetty.modifyServer(server -> server.setErrorHandler(new PlainTextErrors()));
        });
        // Javalin gzips any body of 1500 bytes or more, errors included, for a client that asks, and
        // send() does for feeds: every answer may differ by Accept-Encoding, so every answer says so
        // (RFC 9110 12.5.5), or a shared cache may hand stored gzip bytes to a client that cannot
        // read them. Set before routing, so unknown paths, 304s and 405s carry it too.
        app.before(ctx -> ctx.header("Vary", "Accept-Encoding"));
        // Feeds, the pages that list them and the JSON API (source health included, linked from the
        // index page and already open to other origins) may be read by any web page; liveness and
        // metrics are for the operator's probes and Prometheus, which need no CORS, and no other
        // origin's page has any business reading them.
        new ReadOnlyRoutes(app)
                .crossOrigin("/", this::index)
                .crossOrigin("/feeds/{file}", ctx -> feed(ctx, ctx.pathParam("file"), FeedService.Part.MAIN))
                .crossOrigin("/feeds/{id}/{file}", ctx -> {
                    String file = ctx.pathParam("file");
                    if (!file.startsWith("other.")) {
                        text(ctx, 404, "not found: expected /feeds/{id}/other.atom, .rss or .json");
                        return;
                    }
                    feed(ctx, ctx.pathParam("id") + file.substring("other".length()), FeedService.Part.OTHER);
                })
                .crossOrigin("/feeds/{id}/archive/{file}", this::archive)
                .crossOrigin("/feeds/{id}/other-news/{window}/{start}", this::digestPage)
                .crossOrigin("/feeds/{id}/archive/{day}/{file}", this::archivePage)
                .crossOrigin("/api/sources", this::apiSources)
                .crossOrigin("/sources.opml", this::sourcesOpml)
                .crossOrigin("/feeds.opml", this::feedsOpml)
                .crossOrigin("/api/feeds/{id}/stories", this::apiStories)
                .crossOrigin("/api/stories/{id}", this::apiStory)
                .sameOrigin("/healthz", this::healthz)
                .sameOrigin("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
        // Javalin's own 404 names the method ("Endpoint HEAD /x not found"), so HEAD and GET
        // disagreed on its length
        app.exception(EndpointNotFound.class, (e, ctx) -> {
            if (ctx.method() == HandlerType.INVALID) {
                // a method Javalin does not know at all (RFC 9110 15.6.2)
                text(ctx, 501, "method " + ctx.req().getMethod() + " not implemented");
            } else {
                // a page that asked for a mistyped feed URL may read why: nothing here is the operator's
                ctx.header("Access-Control-Allow-Origin", "*");
                text(ctx, 404, "not found: " + ctx.path());
            }
        });
        app.exception(IllegalArgumentException.class, (e, ctx) -> text(ctx, 400, "bad request: " + e.getMessage()));
    }

    /**
     * feeds.yml was edited: sources and feeds are {@code next}'s from now on. The {@link FeedService}
     * is told apart: it owns the renderings.
     */
    public void reconfigure(FeedsFile next) {
        configured = Configured.of(next);
    }

    /** Whether the running configuration is what the files say, for /healthz and /api/sources. */
    public void configStatus(ConfigStatus status) {
        this.configStatus = status;
    }

    /**
     * Liveness: 200 while the server answers. A stale configuration (the latest edit was invalid, the one
     * before it runs) or settings that wait for a restart are said below "ok" but do not fail the probe: a
     * supervisor that restarted the service for them would restart it into the invalid file.
     */
    private void healthz(Context ctx) {
        ConfigStatus status = configStatus;
        // "ok" alone while all is well, as before: probes that compare the body keep working
        StringBuilder b = new StringBuilder("ok");
        if (status.stale()) {
            b.append("\nconfig stale since ").append(status.staleSince()).append(": ").append(status.staleReason())
                    .append(" (running on the configuration before that edit)");
        }
        if (!status.restartNeeded().isEmpty()) {
            b.append("\nrestart needed: ").append(String.join("; ", status.restartNeeded()))
                    .append(" changed, which a running service does not apply");
        }
        text(ctx, 200, b.toString());
    }

    public WebServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    private void feed(Context ctx, String file, FeedService.Part part) throws IOException {
        int dot = file.lastIndexOf('.');
        if (dot <= 0) {
            text(ctx, 404, "not found: expected /feeds/{id}.atom, .rss or .json");
            return;
        }
        FeedFormat format;
        try {
            format = FeedFormat.fromExtension(file.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            text(ctx, 404, e.getMessage());
            return;
        }
        String id = file.substring(0, dot);
        Optional<Rendered> r = feeds.render(id, part, format, params(ctx, id));
        if (r.isEmpty()) {
            text(ctx, 404, "no published feed '" + id + "'"
                    + (part == FeedService.Part.OTHER ? " with other_news: separate" : ""));
            return;
        }
        send(ctx, r.get(), format);
    }

    /** RFC 5005 archives: /feeds/{id}/archive/2026-11-28.atom, a day's own document (its newest page). */
    private void archive(Context ctx) throws IOException {
        String file = ctx.pathParam("file");
        int dot = file.lastIndexOf('.');
        archive(ctx, dot > 0 ? file.substring(0, dot) : "", 1, dot > 0 ? file.substring(dot + 1) : "",
                "no archive '" + file + "': expected a past day as /feeds/{id}/archive/YYYY-MM-DD.atom, .rss or .json");
    }

    /** Pages of a day of many stories: /feeds/{id}/archive/2026-11-28/2.atom, the stories before page 1's. */
    private void archivePage(Context ctx) throws IOException {
        String day = ctx.pathParam("day");
        String file = ctx.pathParam("file");
        int dot = file.lastIndexOf('.');
        String number = dot > 0 ? file.substring(0, dot) : "";
        String expected = "no archive '" + day + "/" + file + "': expected a page from 2 on of a past day with more than "
                + DayArchives.PAGE + " stories, as /feeds/{id}/archive/YYYY-MM-DD/2.atom, .rss or .json (page 1 is"
                + " /feeds/{id}/archive/YYYY-MM-DD.atom)";
        // one URL per document: no page 1, no leading zeros
        int page = number.matches("[1-9][0-9]{0,8}") ? Integer.parseInt(number) : 0;
        archive(ctx, day, page < 2 ? 0 : page, dot > 0 ? file.substring(dot + 1) : "", expected);
    }

    private void archive(Context ctx, String day, int page, String extension, String notFound) throws IOException {
        Optional<Rendered> r = Optional.empty();
        FeedFormat format = null;
        if (page > 0) {
            try {
                format = FeedFormat.fromExtension(extension);
                r = feeds.archive(ctx.pathParam("id"), java.time.LocalDate.parse(day), page, format);
            } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
                r = Optional.empty();
            }
        }
        if (r.isEmpty()) {
            text(ctx, 404, notFound);
            return;
        }
        send(ctx, r.get(), format);
    }

    private void send(Context ctx, Rendered feed, FeedFormat format) throws IOException {
        boolean gzip = acceptsGzip(ctx.header("Accept-Encoding"));
        String etag = gzip ? feed.gzipEtag() : feed.etag();
        ctx.header("ETag", etag);
        ctx.header("Last-Modified", httpDate(feed.lastModified()));
        ctx.header("Cache-Control", feed.cacheControl());
        ctx.contentType(format.contentType());
        if (notModified(ctx, feed, etag)) {
            ctx.status(304);
            return;
        }
        byte[] body = gzip ? feed.gzipped() : feed.bytes();
        if (gzip) ctx.header("Content-Encoding", "gzip");
        ctx.header("Content-Length", Integer.toString(body.length));
        if (ctx.method() == HandlerType.HEAD) return;
        // one write of the whole body, straight to Jetty: with Content-Length known it goes out with
        // the headers in one gathering write, where ctx.result() would copy it through 8 KB chunks
        ctx.res().getOutputStream().write(body);
    }

    /** Feeds change a few times an hour, and each change has one Last-Modified: format it once. */
    private String httpDate(Instant t) {
        String s = httpDates.get(t);
        if (s != null) return s;
        if (httpDates.size() > 1024) httpDates.clear();
        s = HttpDates.format(t);
        httpDates.put(t, s);
        return s;
    }

    /** RFC 9110 13.1.2: If-None-Match wins over If-Modified-Since. */
    private boolean notModified(Context ctx, Rendered feed, String etag) {
        String inm = ctx.header("If-None-Match");
        if (inm != null) {
            return inm.trim().equals("*") || Arrays.stream(inm.split(","))
                    .map(String::trim).map(t -> t.startsWith("W/") ? t.substring(2) : t)
                    .anyMatch(t -> t.equals(etag) || t.equals(feed.etag()) || t.equals(feed.gzipEtag()));
        }
        String ims = ctx.header("If-Modified-Since");
        if (ims != null) {
            // an invalid date is ignored (RFC 9110 13.1.3): the whole document is sent
            Optional<Instant> since = HttpDates.parse(ims, feeds.now());
            return since.isPresent() && LastModified.unchangedSince(feed.changed(), since.get());
        }
        return false;
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) return false;
        for (String part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] p = part.trim().split(";");
            if (p[0].trim().equals("gzip") || p[0].trim().equals("*")) {
                return !(p.length > 1 && p[1].trim().replace(" ", "").matches("q=0(\\.0*)?"));
            }
        }
        return false;
    }

    private FeedParams params(Context ctx, String feedId) {
        Configured now = configured;
        if (ctx.queryString() == null) {
            FeedParams plain = now.defaultParams().get(feedId);
            if (plain != null) return plain;
        }
        int defaultLimit = now.config().feed(feedId).map(FeedConfig::limit).orElse(50);
        String limit = ctx.queryParam("limit");
        int n = defaultLimit;
        if (limit != null) {
            try {
                n = Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("limit must be a whole number, got '" + limit + "'");
            }
            if (n < 1 || n > 1000) throw new IllegalArgumentException("limit must be between 1 and 1000, got " + n);
        }
        Instant since = null;
        String s = ctx.queryParam("since");
        if (s != null) {
            try {
                since = Instant.parse(s);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("since must be an ISO-8601 instant like 2026-11-29T10:00:00Z, got '" + s + "'");
            }
        }
        return new FeedParams(n, ctx.queryParam("q"), multi(ctx, "exclude"), multi(ctx, "source"), multi(ctx, "group"),
                since, ctx.queryParam("before"), ctx.queryParam("after"));
    }

    private static Set<String> multi(Context ctx, String name) {
        return ctx.queryParams(name).stream().flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::trim).filter(v -> !v.isEmpty()).collect(Collectors.toSet());
    }

    /** Configured sources only: a source removed from feeds.yml is not fetched, so it has no health to show. */
    private void apiSources(Context ctx) throws Exception {
        List<Map<String, Object>> out = sources.configured(configured.config().sources()).stream().map(WebServer::health).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sources", out);
        body.put("config", config(configStatus));
        ctx.contentType("application/json; charset=utf-8").result(JSON.writeValueAsBytes(body));
    }

    /**
     * The configuration's state beside the sources' health: an operator who added a source to feeds.yml
     * and does not see it listed learns here that the edit was not applied, and why.
     */
    static Map<String, Object> config(ConfigStatus status) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status.stale() ? "stale" : "current");
        m.put("stale_since", status.staleSince());
        m.put("errors", status.errors().stream().map(Object::toString).toList());
        m.put("restart_needed", status.restartNeeded());
        return m;
    }

    static Map<String, Object> health(SourceState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("name", s.name());
        m.put("url", s.fetchUrl());
        m.put("status", s.paused() ? "paused" : s.lastStatus());
        m.put("last_attempt", s.lastAttempt());
        m.put("last_success", s.lastSuccess());
        m.put("http_status", s.httpStatus());
        m.put("error_streak", s.errorStreak());
        m.put("last_error_kind", s.lastErrorKind());
        m.put("last_error", s.lastError());
        m.put("items_new", s.itemsNew());
        m.put("items_duplicate", s.itemsDuplicate());
        m.put("items_rejected", s.itemsRejected());
        m.put("warnings", s.warnings() == null ? List.of() : List.of(s.warnings().split("\n")));
        m.put("notes", s.notes() == null ? List.of() : List.of(s.notes().split("\n")));
        m.put("next_due", s.nextFetch());
        m.put("paused_reason", s.pausedReason());
        return m;
    }

    private void sourcesOpml(Context ctx) {
        List<OpmlOutline> outlines = configured.config().sources().stream().map(s -> s.type() == org.nashra.config.SourceType.HTML
                ? new OpmlOutline(s.name(), null, s.url().toString(), "html", s.groups(), null)
                : new OpmlOutline(s.name(), s.url().toString(), null, s.type().name().toLowerCase(Locale.ROOT), s.groups(), null))
                .toList();
        opml(ctx, "مصادر نشرة", outlines);
    }

    private void feedsOpml(Context ctx) {
        URI site = feeds.siteUrl();
        List<OpmlOutline> outlines = configured.config().feeds().stream().map(f -> OpmlOutline.publishedFeed(f.title(), f.description(),
                URI.create(feeds.feedUrl(f.id())), site)).toList();
        opml(ctx, "خلاصات نشرة", outlines);
    }

    private void opml(Context ctx, String title, List<OpmlOutline> outlines) {
        ctx.contentType("text/x-opml; charset=utf-8");
        // built for HEAD too: Jetty takes HEAD's Content-Length from the body GET would send
        ctx.result(OpmlWriter.write(title, configured.since(), outlines));
    }

    /**
     * One story with every member and why it joined: the dedup rule and similarity recorded when
     * the item was stored ("new" for the item that started the story).
     */
    private void apiStory(Context ctx) throws Exception {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("story id must be a number, got '" + ctx.pathParam("id") + "'");
        }
        Optional<org.nashra.store.StoryRecord> story = feeds.story(id);
        if (story.isEmpty()) {
            text(ctx, 404, "no story " + id);
            return;
        }
        org.nashra.store.StoryRecord s = story.get();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id());
        out.put("tag", s.tag());
        out.put("published", s.published());
        out.put("updated", s.updated());
        out.put("changed", s.changed());
        out.put("representative", s.representative().id());
        out.put("members", s.members().stream().map(m -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("item", m.id());
            item.put("source", m.sourceId());
            item.put("role", m.role().wire());
            item.put("title", m.title());
            item.put("url", m.url());
            item.put("published", m.published());
            item.put("date_precision", m.datePrecision().wire());
            item.put("agency", m.agency());
            item.put("match_rule", m.matchRule());
            item.put("match_score", m.matchScore());
            return item;
        }).toList());
        ctx.contentType("application/json; charset=utf-8").result(JSON.writeValueAsBytes(out));
    }

    private void apiStories(Context ctx) throws Exception {
        String id = ctx.pathParam("id");
        if (configured.config().feed(id).isEmpty()) {
            text(ctx, 404, "no published feed '" + id + "'");
            return;
        }
        FeedService.StoriesPage page = feeds.apiStories(id, params(ctx, id)).orElseThrow();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("stories", page.stories().stream().map(s -> new ApiStory(s.story(), s.cursor())).toList());
        // the feeds' paging: next (older entries, ?before=) and previous (newer ones, ?after=), null at either end
        out.put("next", page.next() == null ? null : page.next().toString());
        out.put("previous", page.previous() == null ? null : page.previous().toString());
        ctx.contentType("application/json; charset=utf-8").result(JSON.writeValueAsBytes(out));
    }

    /**
     * An entry of {@code /api/feeds/{id}/stories}: the story's fields, then {@code cursor}, the
     * {@code before}/{@code after} value that pages from it.
     */
    private record ApiStory(@JsonUnwrapped StoryView story, String cursor) {}

    private void index(Context ctx) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>نشرة — Nashra</title>\n");
        for (FeedConfig f : feeds.feeds()) {
            for (FeedFormat fmt : FeedFormat.values()) {
                b.append("<link rel=\"alternate\" type=\"").append(fmt.contentType().split(";")[0]).append("\" title=\"")
                        .append(esc(f.title())).append("\" href=\"").append(feeds.feedUrl(f.id()))
                        .append('.').append(fmt.extension()).append("\">\n");
            }
        }
        b.append("<style>body{font-family:sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.6}"
                + "li{margin:.5rem 0}code{direction:ltr;unicode-bidi:embed}.outlets{color:#555}</style>\n</head>\n<body>\n")
                .append("<h1>نشرة</h1>\n<p>الأخبار العربية من مصادر متعددة، في خلاصات موحّدة.</p>\n<ul>\n");
        for (FeedConfig f : feeds.feeds()) {
            b.append("<li><strong>").append(esc(f.title())).append("</strong> — ");
            for (FeedFormat fmt : FeedFormat.values()) {
                b.append("<a href=\"/feeds/").append(f.id()).append('.').append(fmt.extension()).append("\">")
                        .append(fmt.name()).append("</a> ");
            }
            b.append("</li>\n");
        }
        b.append("</ul>\n<p><a href=\"/api/sources\">حالة المصادر</a> · <a href=\"/sources.opml\">OPML المصادر</a> · <a href=\"/feeds.opml\">OPML الخلاصات</a></p>\n");
        // built for HEAD too: a HEAD that returned here was answered "Content-Length: 0"
        ctx.contentType("text/html; charset=utf-8");
        if (!feeds.feeds().isEmpty()) latest(b, feeds.feeds().get(0));
        b.append("</body>\n</html>\n");
        ctx.result(b.toString());
    }

    /**
     * One other-news digest entry as a page: where the entry links, so that a reader who follows it finds
     * its headlines, grouped by outlet, each linking to its article.
     */
    private void digestPage(Context ctx) {
        String id = ctx.pathParam("id");
        Optional<StoryView> entry = feeds.digest(id, ctx.pathParam("window"), ctx.pathParam("start"), params(ctx, id));
        if (entry.isEmpty()) {
            text(ctx, 404, "no other-news digest at " + ctx.path() + ": expected /feeds/{id}/other-news/PT6H/2026-11-29T09:00Z,"
                    + " the link of a digest entry of a feed with other_news: digest, for a window that has other news");
            return;
        }
        StoryView d = entry.get();
        String feedTitle = configured.config().feed(id).map(FeedConfig::title).orElse(id);
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(d.title())).append(" — ").append(esc(feedTitle)).append("</title>\n")
                .append("<style>body{font-family:sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.6}"
                        + "li{margin:.5rem 0}</style>\n</head>\n<body>\n")
                .append("<p><a href=\"/\">نشرة</a> · <a href=\"/feeds/").append(esc(id)).append(".atom\">")
                .append(esc(feedTitle)).append("</a></p>\n")
                .append("<h1>").append(esc(d.title())).append("</h1>\n")
                // sanitized, links absolute: as the feeds publish the entry's body
                .append(FeedWriter.bodyHtml(d)).append("\n</body>\n</html>\n");
        // built for HEAD too, as the index page is
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(b.toString());
    }

    /** Stories shown on the index page: what the first feed carries now, readable without a feed reader. */
    static final int INDEX_STORIES = 20;

    /**
     * The first feed's latest stories, each with the outlets that carried it: a newcomer sees the
     * merging at work before subscribing to anything.
     */
    private void latest(StringBuilder b, FeedConfig feed) {
        List<StoryView> stories = feeds.entries(feed.id(), FeedService.Part.MAIN, FeedParams.defaults(INDEX_STORIES));
        if (stories.isEmpty()) return;
        b.append("<h2>آخر الأخبار — ").append(esc(feed.title())).append("</h2>\n<ol class=\"stories\">\n");
        for (StoryView s : stories) {
            b.append("<li>");
            if (s.link() != null && (s.link().startsWith("https://") || s.link().startsWith("http://"))) {
                b.append("<a href=\"").append(esc(s.link())).append("\" rel=\"noopener noreferrer\">").append(esc(s.title())).append("</a>");
            } else {
                b.append(esc(s.title()));
            }
            List<String> outlets = s.sources().stream().map(SourceRef::sourceName).distinct().toList();
            if (!outlets.isEmpty()) {
                b.append(" <small class=\"outlets\">").append(esc(String.join(" · ", outlets))).append("</small>");
            }
            b.append("</li>\n");
        }
        b.append("</ol>\n");
    }

    /**
     * A plain-text answer. Always with its charset: the messages quote Arabic ids, and text/plain
     * without one may be read as US-ASCII (RFC 2046 4.1.2).
     */
    static void text(Context ctx, int status, String message) {
        ctx.status(status).contentType(TEXT).result(message);
    }

    private static String esc(String s) {
        return org.jsoup.nodes.Entities.escape(s);
    }

    @Override
    public void close() {
        app.stop();
    }
}
