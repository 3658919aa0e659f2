package org.nashra.config;

import java.time.Duration;

/** Near-duplicate matching: how far apart in time two copies may be, and how alike. */
public record DedupSettings(Duration window, double threshold) {
    public static final DedupSettings DEFAULT = new DedupSettings(Duration.ofHours(72), 0.5);
}
