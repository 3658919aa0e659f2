package org.nashra.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the WebSub hub that published feeds changed (WebSub 1.0, section 7: the publisher's
 * ping is a form POST with hub.mode=publish and hub.url). Fire and forget: a slow or failing
 * hub only costs a log line.
 */
public final class WebSubPinger {
    private static final Logger log = LoggerFactory.getLogger(WebSubPinger.class);
    private final URI hub;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public WebSubPinger(URI hub) {
        this.hub = hub;
    }

    public void ping(List<URI> topics) {
        if (hub == null || topics.isEmpty()) return;
        StringBuilder form = new StringBuilder("hub.mode=publish");
        for (URI t : topics) form.append("&hub.url=").append(URLEncoder.encode(t.toString(), StandardCharsets.UTF_8));
        HttpRequest req = HttpRequest.newBuilder(hub).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build();
        client.sendAsync(req, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
            if (e != null) log.warn("WebSub ping to {} failed: {}", hub, e.toString());
            else if (r.statusCode() / 100 != 2) log.warn("WebSub hub {} answered {} to a publish ping", hub, r.statusCode());
        });
    }
}
