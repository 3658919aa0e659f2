package org.nashra.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.nashra.config.ConfigLoader;
import org.nashra.config.FetchSettings;

/** Fetch settings for passes against WireMock: the defaults, loopback allowed, no politeness gap between requests. */
final class LoopbackFetch {
    private LoopbackFetch() {}

    static FetchSettings settings() {
        FetchSettings d = ConfigLoader.defaultSettings(Path.of("target")).fetch();
        return new FetchSettings(d.connectTimeout(), d.readTimeout(), d.totalDeadline(), d.maxBodyBytes(),
                d.maxDecompressedBytes(), d.maxRedirects(), d.userAgent(), List.of("127.0.0.1"), d.perHostConcurrency(),
                Duration.ZERO, d.maxBackoff());
    }
}
