package org.nashra.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashra.config.ConfigWatcher;

/**
 * {@code serve} as the command runs it ({@link Service#serve}): the files in a temporary directory, polled
 * every 100 ms, an embedded database, outlets served by WireMock and the service's own HTTP, both on
 * loopback. Each test edits feeds.yml or the settings while the service runs and waits, up to
 * {@link #PATIENCE}, for the service to show the edit: nothing here sleeps a fixed time.
 */
class ConfigReloadIT {
    /** Generous for a loaded two-core machine: an edit shows within a second when nothing else runs. */
    static final Duration PATIENCE = Duration.ofSeconds(20);
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;
    Path feeds;
    Path settings;
    WireMockServer wm;
    Service service;
    String base;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void outlets() throws Exception {
        wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
        outlet("rafidain", "البرلمان يصوّت على قانون الموازنة الاتحادية",
                "صوّت مجلس النواب اليوم على قانون الموازنة الاتحادية بعد جلسة طويلة امتدت حتى المساء.");
        outlet("dijla", "ارتفاع أسعار الذهب في الأسواق المحلية",
                "ارتفعت أسعار الذهب في الأسواق المحلية صباح اليوم بنسبة طفيفة بعد أسبوع من الهبوط.");
        feeds = dir.resolve("feeds.yml");
        settings = dir.resolve("nashra.yml");
        Files.writeString(settings, """
                http: { host: 127.0.0.1, port: 0 }
                fetch: { allow_private_hosts: [127.0.0.1] }
                """);
    }

    @AfterEach
    void stop() {
        if (service != null) service.close();
        wm.stop();
    }

    /** An outlet whose feed has one item, at /{id}.rss. */
    void outlet(String id, String title, String body) {
        outlet(id, title, body, "https://" + id + ".example/1");
    }

    void outlet(String id, String title, String body, String link) {
        String when = PipelineIT.hoursAgo(2);
        wm.stubFor(get(urlEqualTo("/" + id + ".rss")).willReturn(aResponse()
                .withHeader("Content-Type", "application/rss+xml; charset=utf-8").withBody("""
                        <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>%1$s</title>
                        <item><title>%2$s</title><link>%5$s</link><guid>%1$s-1</guid><pubDate>%3$s</pubDate>
                        <description>%4$s</description></item></channel></rss>"""
                        .formatted(id, title, when, body, link).getBytes(StandardCharsets.UTF_8))));
    }

    /** feeds.yml with these source lines (flow mappings, {url} standing for the outlets' base URL) and feeds. */
    void writeFeeds(String sources, String feedLines) throws Exception {
        Files.writeString(feeds, ("sources:\n" + sources + "feeds:\n" + feedLines)
                .replace("{url}", "http://127.0.0.1:" + wm.port()), StandardCharsets.UTF_8);
    }

    static final String RAFIDAIN = "  - { id: rafidain, name: الرافدين, url: \"{url}/rafidain.rss\", type: rss }\n";
    static final String DIJLA = "  - { id: dijla, name: قناة دجلة, url: \"{url}/dijla.rss\", type: rss }\n";
    static final String ALL = "  - { id: all, title: كل الأخبار, include: { groups: [\"*\"] } }\n";

    void serve() throws Exception {
        service = Service.serve(new ConfigWatcher(feeds, settings, false, dir.resolve("data"), Duration.ofMillis(100)), null);
        base = "http://127.0.0.1:" + service.web.port();
    }

    @Test
    void aSourceAddedToFeedsYmlIsScheduledFetchedAndListed() throws Exception {
        writeFeeds(RAFIDAIN, ALL);
        serve();
        await("rafidain fetched", () -> statusOf("rafidain").equals("ok"));
        assertThat(sourceIds()).containsExactly("rafidain");

        writeFeeds(RAFIDAIN + DIJLA, ALL);
        await("dijla listed and fetched", () -> statusOf("dijla").equals("ok"));
        wm.verify(getRequestedFor(urlEqualTo("/dijla.rss")));
        assertThat(service.scheduler.scheduled()).containsExactly("dijla", "rafidain");
        await("dijla's story published", () -> text("/feeds/all.atom").contains("ارتفاع أسعار الذهب في الأسواق المحلية"));
        assertThat(metric("nashra_config_reloads_total")).isEqualTo(1.0);
        assertThat(text("/healthz")).isEqualTo("ok");

        // the health table reads the rows serve keeps: the added source has one, with its pass
        service.close();
        service = null;
        CliRun sources = CliRun.of("--feeds", feeds.toString(), "--config", settings.toString(),
                "--data", dir.resolve("data").toString(), "sources");
        assertThat(sources.code()).as(sources.err()).isZero();
        assertThat(sources.out()).containsPattern("(?m)^dijla +ok ");
    }

    /**
     * A source removed while serving goes as at a restart with it removed: off the schedule and out of the
     * health, and a story it represented with another outlet's copy is represented by that copy.
     */
    @Test
    void aSourceRemovedFromFeedsYmlIsUnscheduledLeavesHealthAndHandsItsStoriesOver() throws Exception {
        String title = "افتتاح جسر جديد على نهر دجلة في بغداد لتخفيف الزحام المروري";
        String body = "افتتحت أمانة بغداد صباح اليوم جسرا جديدا على نهر دجلة يربط بين جانبي الكرخ والرصافة، وقال مسؤولون إن"
                + " الجسر سيخفف الزحام المروري في ساعات الذروة. ويبلغ طول الجسر نحو ثمانمئة متر وقد استغرق بناؤه ثلاث سنوات.";
        outlet("rafidain", title, body, "https://rafidain.example/bridge");
        outlet("dijla", title, body, "https://dijla.example/bridge");
        writeFeeds(RAFIDAIN + DIJLA.replace("type: rss", "type: rss, priority: 5"), ALL);
        serve();
        await("both fetched", () -> statusOf("rafidain").equals("ok") && statusOf("dijla").equals("ok"));
        JsonNode story = stories().get(0);
        assertThat(stories()).hasSize(1);
        assertThat(story.path("link").asText()).as("priority 5 represents").isEqualTo("https://dijla.example/bridge");

        writeFeeds(RAFIDAIN, ALL);
        await("dijla gone from the health", () -> sourceIds().equals(List.of("rafidain")));
        assertThat(service.scheduler.scheduled()).containsExactly("rafidain");
        await("the story represented by rafidain's copy",
                () -> stories().get(0).path("link").asText().equals("https://rafidain.example/bridge"));
    }

    /**
     * QA run: a source removed while a pass of it ran came back on /metrics when that pass finished, and a
     * source removed between passes kept its meters for good. A removed source has no per-source meters.
     */
    @Test
    void aSourceRemovedMidPassLeavesNoMetersBehind() throws Exception {
        // dijla answers slowly: its first pass is still reading when the edit removes it
        wm.stubFor(get(urlEqualTo("/dijla.rss")).willReturn(aResponse().withFixedDelay(3000)
                .withHeader("Content-Type", "application/rss+xml; charset=utf-8")
                .withBody("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>dijla</title></channel></rss>")));
        writeFeeds(RAFIDAIN + DIJLA, ALL);
        serve();
        await("rafidain fetched, dijla's pass under way", () -> statusOf("rafidain").equals("ok")
                && !wm.findAll(getRequestedFor(urlEqualTo("/dijla.rss"))).isEmpty());
        assertThat(text("/metrics")).contains("source=\"rafidain\"");

        writeFeeds(RAFIDAIN, ALL);
        await("dijla gone from the health", () -> sourceIds().equals(List.of("rafidain")));
        await("dijla's pass finished", () -> passes() == 2);
        assertThat(text("/metrics")).contains("source=\"rafidain\"").doesNotContain("source=\"dijla\"");
    }

    @Test
    void anInvalidEditKeepsTheRunningConfigurationAndSaysStaleUntilItIsFixed() throws Exception {
        writeFeeds(RAFIDAIN, ALL);
        serve();
        await("rafidain fetched", () -> statusOf("rafidain").equals("ok"));

        // line 3: a misspelt key in the source that the edit adds
        writeFeeds(RAFIDAIN + "  - { id: dijla, url: \"{url}/dijla.rss\", intervall: 5m }\n", ALL);
        await("stale on /healthz", () -> text("/healthz").contains("config stale"));
        String health = text("/healthz");
        assertThat(health).startsWith("ok\n").contains(feeds + ":3: ").contains("unknown key 'sources[1].intervall'");
        JsonNode api = json("/api/sources");
        assertThat(api.path("config").path("status").asText()).isEqualTo("stale");
        assertThat(api.path("config").path("errors").get(0).asText()).startsWith(feeds + ":3: ");
        assertThat(sourceIds()).as("the running configuration is kept").containsExactly("rafidain");
        assertThat(service.scheduler.scheduled()).containsExactly("rafidain");
        assertThat(status("/feeds/all.atom")).isEqualTo(200);
        assertThat(metric("nashra_config_reload_failures_total")).isEqualTo(1.0);
        assertThat(metric("nashra_config_stale")).isEqualTo(1.0);

        writeFeeds(RAFIDAIN + "  - { id: dijla, url: \"{url}/dijla.rss\", interval: 5m }\n", ALL);
        await("no longer stale", () -> text("/healthz").equals("ok"));
        api = json("/api/sources");
        assertThat(api.path("config").path("status").asText()).isEqualTo("current");
        assertThat(api.path("config").path("errors")).isEmpty();
        await("the fixed edit applied", () -> sourceIds().equals(List.of("dijla", "rafidain")));
        assertThat(metric("nashra_config_stale")).isEqualTo(0.0);
        assertThat(metric("nashra_config_reload_failures_total")).isEqualTo(1.0);
    }

    /** A valid edit the running service cannot take (here its scheduler is gone) is stale, not silently pending. */
    @Test
    void aValidEditThatFailsToApplyIsStaleWithTheReason() throws Exception {
        writeFeeds(RAFIDAIN, ALL);
        serve();
        await("rafidain fetched", () -> statusOf("rafidain").equals("ok"));
        service.scheduler.close();

        writeFeeds(RAFIDAIN + DIJLA, ALL);
        await("stale on /healthz", () -> text("/healthz").contains("config stale"));
        assertThat(text("/healthz")).contains(feeds + ": valid, but applying it failed (")
                .contains("tried again at the next poll");
        assertThat(json("/api/sources").path("config").path("status").asText()).isEqualTo("stale");
        assertThat(metric("nashra_config_stale")).isEqualTo(1.0);
    }

    @Test
    void aFeedRedefinedIsServedAsEditedAndItsCachedRenderingsDropped() throws Exception {
        writeFeeds(RAFIDAIN + DIJLA, ALL + "  - { id: old, include: { sources: [dijla] } }\n");
        serve();
        await("both fetched", () -> statusOf("rafidain").equals("ok") && statusOf("dijla").equals("ok"));
        await("both stories published", () -> text("/feeds/all.atom").contains("ارتفاع أسعار الذهب"));
        assertThat(text("/feeds/all.atom")).contains("<title type=\"text\">كل الأخبار</title>"); // rendered and cached

        writeFeeds(RAFIDAIN + DIJLA, """
                  - { id: all, title: جميع الأخبار, include: { groups: ["*"] }, exclude: { sources: [dijla] } }
                  - { id: rafidain-only, include: { sources: [rafidain] } }
                """);
        await("the new definition served", () -> text("/feeds/all.atom").contains("<title type=\"text\">جميع الأخبار</title>"));
        assertThat(text("/feeds/all.atom")).doesNotContain("ارتفاع أسعار الذهب");
        assertThat(status("/feeds/rafidain-only.atom")).isEqualTo(200);
        assertThat(status("/feeds/old.atom")).isEqualTo(404);
        assertThat(text("/feeds.opml")).contains("rafidain-only").doesNotContain("/feeds/old");
    }

    @Test
    void settingsThatOnlyARestartAppliesAreReportedNotApplied() throws Exception {
        writeFeeds(RAFIDAIN, ALL);
        serve();
        Files.writeString(settings, """
                http: { host: 127.0.0.1, port: 0 }
                fetch: { allow_private_hosts: [127.0.0.1] }
                database: { pool_size: 3 }
                worker_threads: 2
                """);
        await("restart needed on /healthz", () -> text("/healthz").contains("restart needed"));
        assertThat(text("/healthz")).contains(settings + ": database, worker_threads").doesNotContain("stale");
        assertThat(metric("nashra_config_restart_needed")).isEqualTo(1.0);
        assertThat(json("/api/sources").path("config").path("restart_needed").get(0).asText())
                .isEqualTo(settings + ": database, worker_threads");
        assertThat(service.app.settings.workerThreads()).as("still what it started with").isEqualTo(4);

        // dedup is built once too; the settings back as they were no longer wait for a restart
        Files.writeString(settings, """
                http: { host: 127.0.0.1, port: 0 }
                fetch: { allow_private_hosts: [127.0.0.1] }
                """);
        writeFeeds(RAFIDAIN, ALL + "dedup: { window: 24h }\n");
        await("only dedup left", () -> text("/healthz").endsWith("restart needed: " + feeds + ": dedup changed,"
                + " which a running service does not apply"));
        assertThat(metric("nashra_config_restart_needed")).isEqualTo(1.0);
        writeFeeds(RAFIDAIN, ALL);
        await("nothing waits for a restart", () -> text("/healthz").equals("ok"));
        assertThat(metric("nashra_config_restart_needed")).isEqualTo(0.0);
    }

    // ---- reading the service

    static void await(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Throwable last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.call()) return;
                last = null;
            } catch (Exception | AssertionError e) {
                last = e; // e.g. the source not listed yet
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new AssertionError("not within " + PATIENCE.toSeconds() + " s: " + what, last);
    }

    HttpResponse<String> send(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    String text(String path) throws Exception {
        return send(path).body();
    }

    int status(String path) throws Exception {
        return send(path).statusCode();
    }

    JsonNode json(String path) throws Exception {
        return JSON.readTree(text(path));
    }

    List<String> sourceIds() throws Exception {
        List<String> ids = new ArrayList<>();
        json("/api/sources").path("sources").forEach(s -> ids.add(s.path("id").asText()));
        return ids;
    }

    /** The source's last status in /api/sources; "" when it is not listed or never fetched. */
    String statusOf(String id) throws Exception {
        for (JsonNode s : json("/api/sources").path("sources")) {
            if (s.path("id").asText().equals(id)) return s.path("status").asText("");
        }
        return "";
    }

    List<JsonNode> stories() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        json("/api/feeds/all/stories").path("stories").forEach(out::add);
        return out;
    }

    /** Passes finished, of every source and outcome, as the pass timer counted them. */
    double passes() throws Exception {
        double n = 0;
        for (String line : text("/metrics").split("\n")) {
            if (line.startsWith("nashra_pass_duration_seconds_count{")) n += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
        return n;
    }

    /** A sample's value on /metrics, e.g. {@code nashra_config_stale 1.0}. */
    double metric(String name) throws Exception {
        for (String line : text("/metrics").split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError("no metric " + name + " on /metrics");
    }
}
