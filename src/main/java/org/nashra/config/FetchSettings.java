package org.nashra.config;

import java.time.Duration;
import java.util.List;

/** Bounds on every network read, and politeness towards outlets. */
public record FetchSettings(
        Duration connectTimeout,
        Duration readTimeout,
        Duration totalDeadline,
        long maxBodyBytes,
        long maxDecompressedBytes,
        int maxRedirects,
        String userAgent,
        List<String> allowPrivateHosts,   // hosts or IP literals allowed although private/loopback
        int perHostConcurrency,
        Duration perHostGap,
        Duration maxBackoff) {

    /**
     * The key an operator writes to allow private hosts, as messages must name it: the field
     * name {@code allowPrivateHosts} is nowhere in the settings file.
     */
    public static final String ALLOW_PRIVATE_HOSTS_KEY = "fetch.allow_private_hosts";

    public FetchSettings {
        allowPrivateHosts = allowPrivateHosts == null ? List.of() : List.copyOf(allowPrivateHosts);
    }

    public static FetchSettings defaults() {
        return new FetchSettings(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(60),
                10L * 1024 * 1024, 20L * 1024 * 1024, 5,
                "Nashra/0.1 (+https://github.com/nashra/nashra)", List.of(), 2,
                Duration.ofMillis(500), Duration.ofHours(6));
    }

    public FetchSettings withAllowPrivateHosts(List<String> hosts) {
        return new FetchSettings(connectTimeout, readTimeout, totalDeadline, maxBodyBytes,
                maxDecompressedBytes, maxRedirects, userAgent, hosts, perHostConcurrency, perHostGap,
                maxBackoff);
    }
}
